// The published stylesheets say what the theme's say, as Chromium reads them.
//
// The build minifies every stylesheet. A minifier that breaks a declaration breaks it silently:
// the browser drops what it cannot parse, and the page just looks wrong (one dropped the spaces
// in `clamp(1rem + 2.5vw, …)`, and every heading lost its size). So Chromium parses each of the
// default theme's stylesheets twice, as written and as published, and for every selector, in
// every @media and @supports, every property it accepted from the source must also be accepted
// from the published file (which may add vendor-prefixed ones). Then a page is opened to check
// the headings really get their size.
// Run by .ci/run after `cargo test` (needs chromium and `npm ci` in this folder).
import fs from "node:fs";
import path from "node:path";
import { buildExample, check, launch, repo, serveStatic } from "./lib.mjs";

const out = buildExample("brochure-styles-");
const { base, close } = await serveStatic(out);
const browser = await launch();
const report = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/en/`, { waitUntil: "networkidle" });

  // selector (within its at-rules) → the properties Chromium accepted for it.
  const declarations = (css) =>
    page.evaluate((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      const found = {};
      // Top-level commas only: `:is(.a, .b)` is one selector.
      const selectors = (list) => {
        const parts = [];
        let depth = 0;
        let start = 0;
        for (let i = 0; i < list.length; i++) {
          const c = list[i];
          if (c === "(" || c === "[") depth++;
          else if (c === ")" || c === "]") depth--;
          else if (c === "," && depth === 0) {
            parts.push(list.slice(start, i).trim());
            start = i + 1;
          }
        }
        parts.push(list.slice(start).trim());
        return parts;
      };
      const walk = (rules, within) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule) {
            const props = [];
            for (let i = 0; i < rule.style.length; i++) props.push(rule.style[i]);
            for (const s of selectors(rule.selectorText)) {
              const key = `${within}${s}`;
              found[key] = [...new Set([...(found[key] || []), ...props])];
            }
          } else if (rule instanceof CSSMediaRule) {
            walk(rule.cssRules, `${within}@media ${rule.media.mediaText} › `);
          } else if (rule instanceof CSSSupportsRule) {
            walk(rule.cssRules, `${within}@supports ${rule.conditionText} › `);
          } else if (rule instanceof CSSPageRule) {
            const props = [];
            for (let i = 0; i < rule.style.length; i++) props.push(rule.style[i]);
            found[`${within}@page`] = props;
          }
        }
      };
      walk(sheet.cssRules, "");
      return found;
    }, css);

  const themeCss = path.join(repo, "themes/default/static/css");
  const names = fs.readdirSync(themeCss).filter((n) => n.endsWith(".css"));
  check(names.includes("site.css"), `no site.css among ${names}`);
  for (const name of names) {
    const source = fs.readFileSync(path.join(themeCss, name), "utf8");
    const published = fs.readFileSync(path.join(out, "css", name), "utf8");
    check(published.length < source.length, `${name} is published as written`);
    const want = await declarations(source);
    const got = await declarations(published);
    const lost = [];
    let count = 0;
    for (const [selector, props] of Object.entries(want)) {
      const have = new Set(got[selector] || []);
      for (const p of props) {
        count += 1;
        if (!have.has(p)) lost.push(`${selector} { ${p} }`);
      }
    }
    check(count > 0, `${name}: Chromium read no declaration from the source`);
    check(lost.length === 0, `${name}: published without ${lost.length} declarations:\n  ${lost.slice(0, 20).join("\n  ")}`);
    report.push(`${name} ${count} declarations kept (${source.length} → ${published.length} bytes)`);
  }

  // And on a page: the title's size and the page head's padding come from clamp().
  const looks = await page.evaluate(() => {
    const px = (el, prop) => parseFloat(getComputedStyle(el)[prop]);
    const body = px(document.body, "fontSize");
    const h1 = document.querySelector("h1");
    return { body, h1: px(h1, "fontSize") };
  });
  check(looks.h1 >= looks.body * 2, `the home page's h1 is ${looks.h1}px on a ${looks.body}px body`);
  await page.goto(`${base}/en/about/`, { waitUntil: "networkidle" });
  const padding = await page.$eval(".page-head", (el) => parseFloat(getComputedStyle(el).paddingTop));
  check(padding >= 24, `the page head has ${padding}px of padding`);
  report.push(`h1 ${looks.h1}px on a ${looks.body}px body; page head padding ${padding}px`);
  console.log(`styles: ${report.join("; ")}`);
} finally {
  await browser.close();
  close();
  fs.rmSync(out, { recursive: true, force: true });
}
