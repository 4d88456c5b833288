// Live reload as a visitor sees it, in a real Chromium: `brochure serve` on a copy of the
// fixture site, a product page open, then edits on disk.
//   - an edit that does not change the open page does not reload it;
//   - an edit that changes it reloads it, with the new text;
//   - a broken source shows the located error over the page, and fixing it removes it;
//   - a stylesheet change is swapped in without a reload.
// Run by .ci/run after `cargo test` (needs chromium and `npm ci` in this folder).
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const bin = process.env.BROCHURE_BIN || path.join(repo, "target/debug/brochure");
const site = fs.mkdtempSync(path.join(os.tmpdir(), "brochure-live-"));
fs.cpSync(path.join(repo, "tests/fixtures/basic"), site, { recursive: true });

const fail = (message) => {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
};
const check = (ok, message) => ok || fail(message);
const edit = (rel, from, to) => {
  const file = path.join(site, rel);
  const text = fs.readFileSync(file, "utf8");
  check(text.includes(from), `${rel} has no ${from}`);
  fs.writeFileSync(file, text.replace(from, to));
};

const server = spawn(bin, ["serve", "--no-pdf", "--port", "0", "--root", site], {
  stdio: ["ignore", "pipe", "inherit"],
});
const base = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (chunk) => {
    out += chunk;
    const found = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/\S*) /);
    if (found) resolve(found[1]);
  });
  server.on("exit", () => reject(new Error(`serve exited: ${out}`)));
  setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60000);
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}en/products/fe-25/`);
  await page.evaluate(() => (window.__marker = "still here"));
  const marker = () => page.evaluate(() => window.__marker || null);
  const settle = () => page.waitForTimeout(2500);

  // 1. Another page changes: this one stays, no reload.
  edit("content/pages/about.en.md", "---\n", "---\n");
  fs.appendFileSync(path.join(site, "content/pages/about.en.md"), "\nOne more line.\n");
  await settle();
  check((await marker()) === "still here", "an unrelated edit reloaded the page");

  // 2. This page changes: it reloads with the new text.
  const reloaded = page.waitForEvent("load", { timeout: 20000 });
  edit("content/products/fe-25.yaml", "FE-25 Electric Forklift", "FE-25 Quiet Forklift");
  await reloaded;
  check((await page.textContent("h1")).includes("FE-25 Quiet Forklift"), "the new name is not shown");
  check((await marker()) === null, "the page did not reload");
  await page.evaluate(() => (window.__marker = "after reload"));

  // 3. A broken source: the overlay names the file and line; fixing it removes the overlay.
  const good = fs.readFileSync(path.join(site, "content/products/fe-25.yaml"), "utf8");
  fs.writeFileSync(path.join(site, "content/products/fe-25.yaml"), good.replace("category:", "category"));
  await page.waitForSelector("#__brochure_overlay", { timeout: 20000 });
  const overlay = await page.textContent("#__brochure_overlay");
  check(overlay.includes("content/products/fe-25.yaml:1:9"), `overlay: ${overlay}`);
  check((await page.textContent("h1")).includes("FE-25 Quiet Forklift"), "the last good page was replaced");
  fs.writeFileSync(path.join(site, "content/products/fe-25.yaml"), good);
  await page.waitForSelector("#__brochure_overlay", { state: "detached", timeout: 20000 });
  check((await marker()) === "after reload", "fixing the file reloaded an unchanged page");

  // 4. A stylesheet change is swapped in place.
  const css = await (await fetch(`${base}css/site.css`)).text();
  fs.mkdirSync(path.join(site, "static/css"), { recursive: true });
  fs.writeFileSync(path.join(site, "static/css/site.css"), `${css}\nh1{outline:3px solid rgb(1, 2, 3)}\n`);
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector("h1")).outlineColor === "rgb(1, 2, 3)",
    null,
    { timeout: 20000 },
  );
  check((await marker()) === "after reload", "a stylesheet change reloaded the page");
  console.log("live reload: 4 checks passed in Chromium");
} finally {
  await browser.close();
  // Wait for the server to exit before removing its site: a server still watching would
  // rebuild after the removal and print "no brochure.toml" into the CI log.
  if (server.exitCode === null && server.signalCode === null) {
    await new Promise((resolve) => {
      server.once("exit", resolve);
      server.kill();
    });
  }
  fs.rmSync(site, { recursive: true, force: true });
}
