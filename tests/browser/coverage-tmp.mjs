import { launch, serveStatic } from "./lib.mjs";
const { base, close } = await serveStatic(process.argv[2]);
const browser = await launch();
for (const p of process.argv.slice(3)) {
  const used = {}; const sizes = {};
  for (const w of [390, 1280]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 900 } });
    const page = await ctx.newPage();
    await page.coverage.startCSSCoverage();
    await page.goto(base + p, { waitUntil: "networkidle" });
    const cov = await page.coverage.stopCSSCoverage();
    for (const e of cov) {
      const u = e.url.replace(base, "");
      sizes[u] = e.text.length; used[u] ??= new Set();
      for (const r of e.ranges) for (let i = r.start; i < r.end; i++) used[u].add(i);
    }
    await ctx.close();
  }
  console.log(p, Object.entries(used).map(([u, s]) => `${u} ${s.size}/${sizes[u]}`).join("  "));
}
await browser.close(); close();
