// Search as a buyer uses it, in a real Chromium: the example site built without PDFs and
// served as plain static files; queries typed into the header box of each language's home page.
//   - Russian `экскаваторы` finds the excavators, whose texts say `экскаватор` (stemming);
//   - Chinese `挖掘机` and the two-character `叉车` find Chinese products (segmentation);
//   - English `loader` finds the wheel loaders;
//   - a query never returns pages of another language;
//   - results show a thumbnail, the category and two key specs; Enter opens the first one;
//   - nothing of Pagefind, nor the results' stylesheet, is fetched before the box is used; the
//     panel is styled when it shows.
// Run by .ci/run after `cargo test` (needs chromium and `npm ci` in this folder).
import fs from "node:fs";
import { buildExample, check, launch, serveStatic } from "./lib.mjs";

const out = buildExample("brochure-search-");
check(fs.existsSync(`${out}/pagefind/pagefind.js`), "the build wrote no search index");
const { base, close } = await serveStatic(out);

const browser = await launch();
const report = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

  async function search(lang, query) {
    const page = await context.newPage();
    const fetched = [];
    page.on("request", (r) => fetched.push(r.url()));
    await page.goto(`${base}/${lang}/`, { waitUntil: "networkidle" });
    check(!fetched.some((u) => u.includes("/pagefind/")), `${lang}: Pagefind loaded before the box was used`);
    check(!fetched.some((u) => u.includes("/css/search.css")), `${lang}: the results' stylesheet loaded before the box was used`);
    await page.fill("#site-search", query);
    await page.waitForSelector(".search__results:not([hidden]) :is(.search__hit, .search__none)", { timeout: 20000 });
    // The panel is styled from the moment it shows: a box over the page, not text pushing it down.
    const position = await page.$eval(".search__results", (b) => getComputedStyle(b).position);
    check(position === "absolute", `${lang}: the results panel shows unstyled (position ${position})`);
    // Let a debounced search for the full query settle.
    await page.waitForTimeout(400);
    const hits = await page.$$eval(".search__hit", (links) =>
      links.map((a) => ({
        url: new URL(a.href).pathname,
        title: a.querySelector(".search__title")?.textContent || "",
        category: a.querySelector(".search__category")?.textContent || "",
        specs: a.querySelector(".search__specs")?.textContent || "",
        thumb: a.querySelector("img")?.getAttribute("src") || "",
      })),
    );
    return { page, hits };
  }

  const cases = [
    ["ru", "экскаваторы", (h) => h.url.startsWith("/ru/products/ex-"), "excavators"],
    ["zh", "挖掘机", (h) => h.url.startsWith("/zh/products/ex-"), "excavators"],
    ["zh", "叉车", (h) => h.url.startsWith("/zh/products/fe-"), "forklifts"],
    ["en", "loader", (h) => h.url.startsWith("/en/products/wl-"), "wheel loaders"],
  ];
  for (const [lang, query, wanted, what] of cases) {
    const { page, hits } = await search(lang, query);
    const found = hits.filter(wanted);
    report.push(`${lang} "${query}": ${hits.length} results, ${found.length} ${what}`);
    check(found.length >= 2, `${lang} "${query}" finds no ${what}: ${JSON.stringify(hits)}`);
    check(
      hits.every((h) => h.url.startsWith(`/${lang}/`)),
      `${lang} "${query}" returns pages of another language: ${hits.map((h) => h.url)}`,
    );
    const product = found[0];
    check(product.category.length > 0, `${lang}: a product result shows no category: ${JSON.stringify(product)}`);
    check(product.specs.length > 0, `${lang}: a product result shows no key specs: ${JSON.stringify(product)}`);
    check(/\.(webp|svg)$/.test(product.thumb), `${lang}: a product result shows no thumbnail: ${JSON.stringify(product)}`);
    if (lang === "ru") {
      check(
        found.some((h) => /экскаватор(?!ы)/i.test(h.title)),
        `the Russian results are not the singular-form titles: ${found.map((h) => h.title)}`,
      );
      // Enter opens the first result.
      await Promise.all([page.waitForNavigation(), page.press("#site-search", "Enter")]);
      check(new URL(page.url()).pathname === hits[0].url, `Enter opened ${page.url()}, not ${hits[0].url}`);
    }
    await page.close();
  }

  // Nothing in a language that does not have it: Russian text searched from the English site.
  const { page, hits } = await search("en", "экскаватор");
  check(hits.every((h) => h.url.startsWith("/en/")), `the English index answered with ${hits.map((h) => h.url)}`);
  await page.close();
  console.log(`search: ${report.join("; ")}`);
} finally {
  await browser.close();
  close();
  fs.rmSync(out, { recursive: true, force: true });
}
