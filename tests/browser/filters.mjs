// Narrowing a product list, in a real Chromium: the example site built without PDFs and served
// as plain static files. The filter script is not in the page: it loads when the form is first
// touched (or at once for a link that carries a filter), so each step waits for the list to
// be narrowed rather than assuming it already is.
//   - a category page narrows by an operating-weight range: only the machines in range stay,
//     the status says how many, and the URL carries the range;
//   - the same URL opened again shows the same narrowed list (a shareable link);
//   - the product list narrows by category;
//   - "Show all" brings every machine back;
//   - without JavaScript the form is hidden and the whole list shows;
//   - on a phone the fields start folded (the machines come first), a tap opens them, and a
//     shared link with a state opens them by itself;
//   - a category longer than a page (the example plus 30 generated excavators): narrowing
//     page 1 fetches page 2 and finds the machines that are only there; the pagination hides
//     while narrowed; "Show all" shows page 1 alone again.
// Run by .ci/run after `cargo test` (needs chromium and `npm ci` in this folder).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { bin, buildExample, check, launch, repo, serveStatic } from "./lib.mjs";

const out = buildExample("brochure-filters-");
const { base, close } = await serveStatic(out);
const browser = await launch();
const report = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const visible = () =>
    page.$$eval("li[data-product]", (cards) =>
      cards.filter((c) => !c.hidden).map((c) => Number(c.getAttribute("data-spec-operating-weight"))),
    );
  await page.goto(`${base}/en/categories/excavators/`, { waitUntil: "networkidle" });
  const all = await visible();
  check(all.length >= 3, `the category shows ${all.length} excavators`);
  check(await page.isVisible("[data-filters]"), "the filter form is not shown with JavaScript");
  check(await page.isHidden('[data-filters] button[type="reset"]'), "“Show all” shows on a list that is not narrowed");
  await page.fill('input[name="operating-weight-min"]', "20000");
  await page.fill('input[name="operating-weight-max"]', "40000");
  // The script loads when the form is first touched, then narrows the list and the URL.
  await page.waitForFunction(() => location.search.includes("operating-weight-max=40000"));
  const narrowed = await visible();
  check(narrowed.length > 0 && narrowed.length < all.length, `20–40 t left ${narrowed.length} of ${all.length}`);
  check(narrowed.every((w) => w >= 20000 && w <= 40000), `out of range: ${narrowed}`);
  const status = await page.textContent("[data-status]");
  check(status.includes(`${narrowed.length}`) && status.includes(`${all.length}`), `status: ${status}`);
  const url = page.url();
  check(url.includes("operating-weight-min=20000") && url.includes("operating-weight-max=40000"), `URL: ${url}`);
  report.push(`excavators 20–40 t: ${narrowed.length} of ${all.length}`);

  // The shared link opens narrowed.
  const shared = await context.newPage();
  await shared.goto(url, { waitUntil: "networkidle" });
  await shared.waitForFunction(() => document.querySelector("[data-status]").textContent !== "");
  const again = await shared.$$eval("li[data-product]", (cards) => cards.filter((c) => !c.hidden).length);
  check(again === narrowed.length, `the shared link shows ${again}, not ${narrowed.length}`);
  await shared.close();

  // Show all.
  await page.click('[data-filters] button[type="reset"]');
  await page.waitForTimeout(100);
  check((await visible()).length === all.length, "Show all did not bring every machine back");

  // The product list narrows by category, in Russian.
  await page.goto(`${base}/ru/products/`, { waitUntil: "networkidle" });
  const total = await page.$$eval("li[data-product]", (c) => c.length);
  await page.selectOption('select[name="category"]', "excavators");
  await page.waitForFunction(() => location.search.includes("category=excavators"));
  const sections = await page.$$eval("[data-category]", (s) => s.filter((x) => !x.hidden).map((x) => x.dataset.category));
  check(sections.length === 1 && sections[0] === "excavators", `sections left: ${sections}`);
  check(page.url().includes("category=excavators"), `URL: ${page.url()}`);
  report.push(`ru product list by category: ${sections} (of ${total} machines)`);

  // Without JavaScript: no form, every machine.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await plain.newPage();
  await noJs.goto(`${base}/en/categories/excavators/?operating-weight-min=20000`);
  check(!(await noJs.isVisible("[data-filters]")), "the form shows without JavaScript");
  const shownNoJs = await noJs.$$eval("li[data-product]", (cards) => cards.filter((c) => !c.hidden).length);
  check(shownNoJs === all.length, `without JavaScript ${shownNoJs} of ${all.length} show`);
  await plain.close();
  report.push("without JavaScript the whole list shows");

  // On a phone the fields start folded, so the machines come first; a tap opens the fold, and
  // a shared link with a state opens it by itself.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const mobile = await phone.newPage();
  await mobile.goto(`${base}/en/categories/excavators/`, { waitUntil: "networkidle" });
  check(!(await mobile.isVisible('input[name="operating-weight-min"]')), "on a phone the fields do not start folded");
  const firstCard = await mobile.$eval("li[data-product]", (li) => Math.round(li.getBoundingClientRect().top));
  check(firstCard < 1000, `on a phone the first machine starts at ${firstCard} px`);
  await mobile.tap(".filters__title");
  await mobile.waitForSelector('input[name="operating-weight-min"]', { state: "visible" });
  await mobile.fill('input[name="operating-weight-min"]', "20000");
  await mobile.waitForFunction(() => location.search.includes("operating-weight-min=20000"));
  const phoneShared = await phone.newPage();
  await phoneShared.goto(mobile.url(), { waitUntil: "networkidle" });
  check(await phoneShared.isVisible('input[name="operating-weight-min"]'), "a shared link on a phone opens folded");
  check((await phoneShared.inputValue('input[name="operating-weight-min"]')) === "20000", "the shared state is not in the field");
  await phone.close();
  report.push(`phone: fields folded, first machine at ${firstCard} px; a tap opens them`);

  // A category of two pages.
  const big = fs.mkdtempSync(path.join(os.tmpdir(), "brochure-filters-big-"));
  for (const part of ["brochure.toml", "content", "locales", "static"]) {
    fs.cpSync(path.join(repo, part), path.join(big, part), { recursive: true });
  }
  for (let n = 0; n < 30; n++) {
    const id = `gen-${String(n).padStart(2, "0")}`;
    // 50–79 t: heavier than any excavator of the example, and all sorted after it.
    fs.writeFileSync(
      path.join(big, "content/products", `${id}.yaml`),
      `category: excavators\norder: ${900 + n}\nname:\n  en: GEN-${n} Excavator\n  ru: Экскаватор GEN-${n}\n  zh: GEN-${n} 挖掘机\nspecs:\n  operating-weight: {value: ${50000 + n * 1000}, unit: kg}\n`,
    );
  }
  const bigOut = path.join(big, "public");
  const built = spawnSync(bin, ["build", "--no-pdf", "--no-search", "--root", big, "--output", bigOut], { stdio: "inherit" });
  check(built.status === 0, "the two-page site did not build");
  const bigServer = await serveStatic(bigOut);
  try {
    await page.goto(`${bigServer.base}/en/categories/excavators/`, { waitUntil: "networkidle" });
    const onPage = await visible();
    check(onPage.length === 24, `page 1 shows ${onPage.length}`);
    check(await page.isVisible(".pagination"), "no pagination on a two-page category");
    // 70 t and more: only on page 2.
    check(onPage.filter((w) => w >= 70000).length < 10, "page 1 already has every heavy machine");
    await page.fill('input[name="operating-weight-min"]', "70000");
    await page.waitForFunction(() => document.querySelectorAll("li[data-product][data-fetched]").length > 0);
    await page.waitForTimeout(100);
    const heavy = await visible();
    const expected = onPage.filter((w) => w >= 70000).length + 10;
    check(heavy.length === expected && heavy.every((w) => w >= 70000), `≥ 70 t: ${heavy}`);
    check(await page.isHidden(".pagination"), "the pagination shows on a narrowed list");
    const status = await page.textContent("[data-status]");
    const total = Number(await page.getAttribute("ul[data-total]", "data-total"));
    check(total > 24 && status.includes(`${expected}`) && status.includes(`${total}`), `status: ${status} (total ${total})`);
    report.push(`two-page category, ≥ 70 t: ${heavy.length} machines, 10 of them from page 2 (“${status.trim()}”)`);
    await page.click('[data-filters] button[type="reset"]');
    await page.waitForTimeout(100);
    check((await visible()).length === 24, "Show all is not page 1 again");
    check(await page.isVisible(".pagination"), "the pagination did not come back");
  } finally {
    bigServer.close();
    fs.rmSync(big, { recursive: true, force: true });
  }
  console.log(`filters: ${report.join("; ")}`);
} finally {
  await browser.close();
  close();
  fs.rmSync(out, { recursive: true, force: true });
}
