// Comparing machines, in a real Chromium: the example site built without PDFs and served as
// plain static files.
//   - on the English product list, "Compare" on two forklifts and an excavator fills the tray;
//     a fifth pick is refused with a message (at most four);
//   - the tray's link opens the comparison with the ids in the URL: one column per product,
//     specs aligned by key (a spec a product lacks shows "—"), the rows whose values differ
//     marked `differs` (and said so to screen readers), equal rows not;
//   - removing the excavator updates the URL; the two forklifts share some specs, and "Show
//     only differences" hides exactly those rows;
//   - the shared URL opens the same comparison in a fresh browser (no stored picks), and the
//     Russian page reads Russian labels and numbers;
//   - printed (print media), the site's header, controls and tray are gone, the table stays,
//     and the page is landscape A4;
//   - without JavaScript the pickers stay hidden and the comparison page says why;
//   - nothing moves while the scripts work (cumulative layout shift under 0.1 on a slow
//     phone): neither the table arriving nor the "Compare" boxes and filters appearing.
// Run by .ci/run after `cargo test` (needs chromium and `npm ci` in this folder).
import fs from "node:fs";
import { buildExample, check, launch, serveStatic } from "./lib.mjs";

const out = buildExample("brochure-compare-");
const { base, close } = await serveStatic(out);
const browser = await launch();
const report = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/en/products/`, { waitUntil: "networkidle" });
  check(await page.isHidden("[data-compare-tray]"), "the tray shows before anything is picked");
  const pick = (id) => page.check(`[data-compare-pick] input[value="${id}"]`);
  const ids = await page.$$eval("[data-compare-pick] input", (boxes) => boxes.map((b) => b.value));
  const excavators = await page.$$eval('[data-category="excavators"] [data-compare-pick] input', (b) => b.map((x) => x.value));
  const forklifts = await page.$$eval('[data-category="electric-forklifts"] [data-compare-pick] input', (b) => b.map((x) => x.value));
  check(forklifts.includes("fe-25") && forklifts.includes("fe-35") && excavators.length, `forklifts ${forklifts}, excavators ${excavators}`);
  const chosen = ["fe-25", "fe-35", excavators[0]];
  for (const id of chosen) await pick(id);
  check(await page.isVisible("[data-compare-tray]"), "the tray is hidden after three picks");
  const go = await page.textContent("[data-compare-go]");
  check(go.includes("3"), `the tray's link says ${go}`);
  // A fourth is fine, a fifth is refused.
  const others = ids.filter((id) => !chosen.includes(id));
  await pick(others[0]);
  await page.click(`[data-compare-pick] input[value="${others[1]}"]`);
  check(!(await page.isChecked(`[data-compare-pick] input[value="${others[1]}"]`)), "a fifth product was picked");
  const limit = await page.textContent("[data-compare-status]");
  check(/up to 4/.test(limit), `no limit message: ${limit}`);
  await page.uncheck(`[data-compare-pick] input[value="${others[0]}"]`);
  report.push(`picked ${chosen.join(", ")}; a fifth refused: “${limit.trim()}”`);

  await page.click("[data-compare-go]");
  await page.waitForSelector(".compare-table tbody tr");
  check(page.url().includes(`ids=${chosen.join(",")}`), `URL: ${page.url()}`);
  const table = () =>
    page.$$eval(".compare-table", ([t]) => ({
      columns: [...t.querySelectorAll("thead th")].slice(1).map((th) => th.querySelector("a").textContent.trim()),
      links: [...t.querySelectorAll("thead th")].slice(1).map((th) => th.querySelector("a").href),
      rows: [...t.querySelectorAll("tbody tr[data-spec]")].map((tr) => ({
        key: tr.dataset.spec,
        label: tr.querySelector("th").firstChild.textContent.trim(),
        cells: [...tr.querySelectorAll("td")].map((td) => td.textContent.trim()),
        differs: tr.classList.contains("differs"),
        visible: tr.offsetParent !== null,
      })),
    }));
  let t = await table();
  check(t.columns.length === 3, `columns: ${t.columns}`);
  check(t.links.every((href, i) => href.endsWith(`/en/products/${chosen[i]}/`)), `columns link to ${t.links}`);
  check(t.rows.every((r) => r.cells.length === 3), "a row has the wrong number of cells");
  // Aligned by key: the operating weight row holds each product's own value.
  const weight = t.rows.find((r) => r.key === "operating-weight");
  check(weight && weight.label === "Operating weight", `operating weight row: ${JSON.stringify(weight)}`);
  for (const [i, id] of chosen.entries()) {
    const own = await (await fetch(`${base}/en/products/${id}/`)).text();
    const m = own.match(/id="spec-operating-weight">[\s\S]*?spec-table__value">([^<]*)</);
    check(m && weight.cells[i].startsWith(m[1]), `${id}: ${weight.cells[i]} vs its page ${m && m[1]}`);
  }
  check(weight.differs, "different weights are not marked");
  // Differences: marked exactly when the cells differ; a spec only the excavator has is "—"
  // for the forklifts.
  for (const r of t.rows) check(r.differs === (new Set(r.cells).size > 1), `row ${r.key} marked ${r.differs}: ${r.cells}`);
  const excavatorOnly = t.rows.find((r) => r.cells[0] === "—" && r.cells[1] === "—" && r.cells[2] !== "—");
  check(excavatorOnly, "no row is the excavator's alone");
  const hiddenLabel = await page.$eval("tr.differs th .visually-hidden", (s) => s.textContent);
  check(hiddenLabel.includes("differs"), `screen readers are not told: ${hiddenLabel}`);
  report.push(`3 products: ${t.rows.length} spec rows; “${excavatorOnly.label}” shows — for both forklifts`);

  // Remove the excavator: two columns, and the URL follows.
  await page.click(".compare-table thead th:nth-child(4) .compare-table__remove");
  t = await table();
  check(t.columns.length === 2, `after removing: ${t.columns}`);
  check(page.url().endsWith(`ids=${chosen.slice(0, 2).join(",")}`), `URL after removing: ${page.url()}`);
  for (const r of t.rows) check(r.differs === (new Set(r.cells).size > 1), `row ${r.key} marked ${r.differs}: ${r.cells}`);
  const same = t.rows.filter((r) => !r.differs);
  check(same.some((r) => r.key === "lift-height") && same.length < t.rows.length, `equal rows: ${same.map((r) => r.key)}`);
  // Only differences.
  await page.check("[data-only-differences]");
  t = await table();
  check(t.rows.every((r) => r.visible === r.differs), "only-differences shows an equal row or hides a different one");
  report.push(`2 forklifts: ${t.rows.length} rows, ${same.length} equal (${same.map((r) => r.key).join(", ")}), hidden by “only differences”`);
  await page.uncheck("[data-only-differences]");
  const shared = page.url().replace("/en/", "/ru/");

  // Print: the chrome goes, the table stays, landscape.
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => ({
    header: getComputedStyle(document.querySelector(".topbar")).display,
    controls: getComputedStyle(document.querySelector("[data-compare-controls]")).display,
    table: getComputedStyle(document.querySelector(".compare-table")).display,
    differs: getComputedStyle(document.querySelector("tr.differs td")).fontWeight,
  }));
  check(printed.header === "none" && printed.controls === "none", `print keeps the chrome: ${JSON.stringify(printed)}`);
  check(printed.table === "table" && Number(printed.differs) >= 700, `print: ${JSON.stringify(printed)}`);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const box = pdf.toString("latin1").match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/);
  check(box && Number(box[1]) > Number(box[2]), `printed page is not landscape: ${box && box[0]}`);
  fs.writeFileSync("/tmp/compare-print.pdf", pdf);
  await page.emulateMedia({ media: "screen" });
  report.push(`print: chrome hidden, differing rows bold, page ${box[1]}×${box[2]} pt`);
  check(errors.length === 0, `page errors: ${errors}`);

  // The shared link, in Russian, in a browser with no picks stored.
  const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const ru = await fresh.newPage();
  await ru.goto(shared, { waitUntil: "networkidle" });
  await ru.waitForSelector(".compare-table tbody tr");
  const ruRows = await ru.$$eval(".compare-table tbody tr[data-spec]", (rows) =>
    rows.map((r) => [r.querySelector("th").firstChild.textContent.trim(), ...[...r.querySelectorAll("td")].map((d) => d.textContent.trim())]),
  );
  const ruWeight = ruRows.find((r) => r[0].startsWith("Эксплуатационная масса"));
  check(ruWeight && /^\d\s\d{3}\s*кг$/.test(ruWeight[1]), `Russian weight row: ${ruWeight}`);
  await ru.waitForFunction(() => [...document.images].every((i) => i.complete));
  await ru.waitForTimeout(300);
  await ru.screenshot({ path: "/tmp/compare-ru-390.png", fullPage: true });
  report.push(`shared link in Russian at 390 px: “${ruWeight.join(" | ")}”`);
  await fresh.close();
  await page.screenshot({ path: "/tmp/compare-en-1280.png", fullPage: true });

  // Layout shift on a slow phone (4× CPU, Lighthouse's mobile network).
  const shift = async (url) => {
    const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const p = await ctx.newPage();
    const cdp = await ctx.newCDPSession(p);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await p.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await p.goto(url, { waitUntil: "networkidle" });
    await p.waitForTimeout(500);
    const value = await p.evaluate(() => window.__cls);
    await ctx.close();
    return value;
  };
  for (const url of [`/ru/compare/?ids=${chosen.slice(0, 2).join(",")}`, "/en/products/", "/ru/categories/electric-forklifts/"]) {
    const value = await shift(`${base}${url}`);
    check(value < 0.1, `${url}: layout shift ${value.toFixed(3)}`);
    report.push(`layout shift ${url}: ${value.toFixed(3)}`);
  }

  // Without JavaScript.
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await nojs.newPage();
  await plain.goto(`${base}/en/products/`);
  check(await plain.isHidden("[data-compare-pick]"), "a picker shows without JavaScript");
  await plain.goto(`${base}/en/compare/?ids=${chosen.join(",")}`);
  const noscript = await plain.textContent("noscript");
  check(/needs JavaScript/.test(noscript), `no-JS note: ${noscript}`);
  await nojs.close();
  report.push("without JavaScript: no pickers; the comparison page says it needs JavaScript");
} finally {
  await browser.close();
  close();
  fs.rmSync(out, { recursive: true, force: true });
}
console.log(`compare: ok\n  ${report.join("\n  ")}`);
