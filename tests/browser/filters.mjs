// Narrowing a product list, in a real Chromium: the example site built without PDFs and served
// as plain static files.
//   - a category page narrows by an operating-weight range: only the machines in range stay,
//     the status says how many, and the URL carries the range;
//   - the same URL opened again shows the same narrowed list (a shareable link);
//   - the product list narrows by category;
//   - "Show all" brings every machine back;
//   - without JavaScript the form is hidden and the whole list shows.
// Run by .ci/run after `cargo test` (needs chromium and `npm ci` in this folder).
import fs from "node:fs";
import { buildExample, check, launch, serveStatic } from "./lib.mjs";

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
  await page.fill('input[name="operating-weight-min"]', "20000");
  await page.fill('input[name="operating-weight-max"]', "40000");
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
  console.log(`filters: ${report.join("; ")}; without JavaScript the whole list shows`);
} finally {
  await browser.close();
  close();
  fs.rmSync(out, { recursive: true, force: true });
}
