// Shared by the browser tests: build the example site, serve a folder as plain static files,
// launch Chromium, and fail loudly.
import { chromium } from "playwright-core";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = process.env.BROCHURE_BIN || path.join(repo, "target/debug/brochure");

export function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

export const check = (ok, message) => ok || fail(message);

/// Builds the example site (the repository root) without PDFs into a fresh temporary folder.
export function buildExample(prefix) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const built = spawnSync(bin, ["build", "--no-pdf", "--root", repo, "--output", out], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  check(built.status === 0, `the example site did not build (${built.status})`);
  return out;
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".xml": "application/xml",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

/// A static file server for `dir`, like the web server a company puts in front of `public/`.
/// Resolves to `{ base, close }`.
export async function serveStatic(dir) {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(dir, path.normalize(url));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
}
