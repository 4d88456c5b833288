// The header search box: results as the visitor types, from the Pagefind index the build
// wrote (one per language; Pagefind picks the page's own from <html lang>). Loaded by the
// page's inline script the first time the box is focused, so pages that are only read cost
// nothing. Without JavaScript the form leads to the product list.
const input = document.getElementById("site-search");
const form = input && input.form;
const box = form && form.querySelector(".search__results");

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function show(open) {
  box.hidden = !open;
}

// One result: thumbnail, title, category (or date), and two key specs or an excerpt.
function item(result) {
  const meta = result.meta || {};
  const link = el("a", "search__hit");
  link.href = result.url;
  if (meta.image) {
    const img = el("img", "search__thumb");
    img.src = meta.image;
    img.alt = "";
    img.width = 64;
    img.height = 43;
    img.loading = "lazy";
    link.append(img);
  }
  const text = el("span", "search__text");
  const title = el("strong", "search__title");
  // Model numbers (SQ-EX700) stay whole, as they do on the pages.
  (meta.title || result.url).split(/(\s+)/).forEach((word) => {
    title.append(/-/.test(word) && /\d/.test(word) ? el("span", "nobr", word) : word);
  });
  text.append(title);
  if (meta.category) text.append(el("span", "search__category", meta.category));
  const specs = [1, 2]
    .filter((n) => meta[`spec${n}`])
    .map((n) => `${meta[`spec${n}_label`] || ""} ${meta[`spec${n}`]}`.trim());
  if (specs.length) {
    text.append(el("span", "search__specs", specs.join(" · ")));
  } else if (result.excerpt) {
    // The excerpt comes with <mark> around the matches; shown as plain text.
    const tmp = new DOMParser().parseFromString(result.excerpt, "text/html");
    text.append(el("span", "search__excerpt", tmp.body.textContent || ""));
  }
  link.append(text);
  const li = el("li");
  li.append(link);
  return li;
}

// The results panel's stylesheet, fetched alongside the index: results never show unstyled.
function stylesheet() {
  if (!input.dataset.css) return Promise.resolve();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = input.dataset.css;
  const loaded = new Promise((done) => {
    link.onload = done;
    link.onerror = done;
  });
  document.head.append(link);
  return loaded;
}

async function start() {
  if (!input || !box) return;
  const styled = stylesheet();
  const pagefind = await import(input.dataset.bundle + "pagefind.js");
  await styled;
  await pagefind.options({ excerptLength: 18 });
  pagefind.init();
  let shown = "";

  async function run() {
    const query = input.value.trim();
    if (query === shown) return;
    if (!query) {
      shown = "";
      box.replaceChildren();
      show(false);
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 120);
    // A newer keystroke superseded this search.
    if (search === null || input.value.trim() !== query) return;
    shown = query;
    const results = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
    if (input.value.trim() !== query) return;
    if (!results.length) {
      box.replaceChildren(el("p", "search__none", input.dataset.none));
    } else {
      const list = el("ul", "search__list");
      list.append(...results.map(item));
      box.replaceChildren(list);
    }
    show(true);
  }

  input.addEventListener("input", run);
  input.addEventListener("focus", () => {
    if (box.childElementCount) show(true);
  });
  // Enter opens the first result; Escape closes the list.
  form.addEventListener("submit", (event) => {
    const first = box.querySelector("a");
    if (first) {
      event.preventDefault();
      window.location.href = first.href;
    }
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      show(false);
      input.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target)) show(false);
  });
  run();
}

start();
