// Product photos as a phone visitor meets them, in a real Chromium: the example site built
// without PDFs, its `public/` served as plain static files, the SQ-EX700 page (two photos).
//   - at 390 px wide, the images of the first load weigh < 200 KB at device pixel ratios 1, 2
//     and 3: the browser takes a WebP no wider than the slot needs, the gallery thumbnails are
//     small copies, and pictures below the fold wait (lazy);
//   - nothing moves while the pictures arrive, on a slow connection too (no layout shift);
//   - the zoom is a plain link: Tab reaches it, Enter opens the largest copy.
// Run by .ci/run after `cargo test` (needs chromium and `npm ci` in this folder).
import fs from "node:fs";
import { buildExample, check, launch, serveStatic } from "./lib.mjs";

const out = buildExample("brochure-photos-");
const { base, close } = await serveStatic(out);
const productPage = `${base}/en/products/ex-700/`;

const browser = await launch();
try {
  const report = [];
  for (const dpr of [1, 2, 3]) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: dpr,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    // Layout shifts are recorded from the first paint, before any picture has arrived.
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    // A slow connection (a phone on a trade-fair network): pictures arrive after the text.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    const images = new Map();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "image") return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      images.set(response.url(), body.length);
    });
    await page.goto(productPage, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const urls = [...images.keys()].map((u) => u.replace(base, ""));
    const bytes = [...images.values()].reduce((a, b) => a + b, 0);
    const hero = await page.evaluate(() => {
      const img = document.querySelector(".product-hero__media img");
      return { src: img.currentSrc, shown: img.getBoundingClientRect().width };
    });
    // The width of the copy the browser chose (naturalWidth is scaled by its density).
    hero.file = Number((hero.src.match(/-(\d+)w\.\w+$/) || [])[1]);
    const shifts = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
    report.push(`DPR ${dpr}: ${(bytes / 1024).toFixed(0)} KB of images (${urls.length} files), CLS ${shifts.toFixed(3)}`);

    check(hero.src.endsWith(".webp"), `DPR ${dpr}: the main picture is not WebP: ${hero.src}`);
    check(hero.file >= hero.shown * dpr * 0.9, `DPR ${dpr}: the main picture is blurry: ${JSON.stringify(hero)}`);
    check(
      hero.file <= Math.max(320, hero.shown * dpr * 2),
      `DPR ${dpr}: the main picture is far larger than its slot: ${JSON.stringify(hero)}`,
    );
    check(!urls.some((u) => u.endsWith("-1920w.webp") || u.endsWith("-1920w.jpg")), `DPR ${dpr}: a zoom copy loaded up front: ${urls}`);
    check(!urls.some((u) => /\/images\/photos\/[^/]*\.(jpg|png)$/.test(u) && !/-\d+w\.jpg$|-social\.jpg$/.test(u)), `DPR ${dpr}: an original photo was loaded: ${urls}`);
    check(bytes < 200 * 1024, `DPR ${dpr}: ${bytes} bytes of images on first load: ${urls}`);
    check(shifts === 0, `DPR ${dpr}: the layout shifted by ${shifts} while pictures loaded`);
    await context.close();
  }

  // The zoom, with the keyboard only.
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(productPage);
  let focused = "";
  for (let i = 0; i < 60 && !focused.includes("zoom"); i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => {
      const a = document.activeElement;
      return `${a.className} ${a.getAttribute("href") || ""}`;
    });
  }
  check(focused.includes("zoom"), "Tab never reaches the zoom link");
  const visible = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return s.outlineStyle !== "none" || s.boxShadow !== "none";
  });
  check(visible, "the focused zoom link shows no focus ring");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  check(page.url().endsWith("/images/photos/ex-700-1-1920w.jpg"), `Enter opened ${page.url()}`);
  const large = await page.evaluate(() => document.querySelector("img")?.naturalWidth);
  check(large === 1920, `the large copy is ${large} px wide`);
  console.log(`photos: ${report.join("; ")}; zoom by keyboard opens the 1920 px copy`);
} finally {
  await browser.close();
  close();
  fs.rmSync(out, { recursive: true, force: true });
}
