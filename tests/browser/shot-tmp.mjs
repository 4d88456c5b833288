import { launch, serveStatic } from "./lib.mjs";
const { base, close } = await serveStatic("/tmp/pub");
const browser = await launch();
for (const [w, p, name] of [[1280, "/ru/products/", "list-1280"], [390, "/ru/products/", "list-390"], [390, "/ru/products/mt-60e/", "prod-390"], [1280, "/ru/products/mt-60e/", "prod-1280"]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(base + p, { waitUntil: "networkidle" });
  await page.screenshot({ path: `/tmp/${name}.png` });
  if (p === "/ru/products/") {
    await page.focus("#site-search"); await page.fill("#site-search", "экскаватор");
    await page.waitForSelector(".search__results:not([hidden]) .search__hit", { timeout: 20000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/${name}-search.png` });
  }
  await ctx.close();
}
await browser.close(); close();
