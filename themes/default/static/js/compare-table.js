// The comparison table. The products come from the URL (?ids=ex-210,ex-700, so a comparison
// can be shared) or else from the visitor's picks (js/compare.js). Each product's own page is
// fetched and its spec table read: the site publishes no second copy of the data, and the
// labels, numbers and units are already in the page's language and format.
const root = document.querySelector("[data-compare]");
if (root) {
  const KEY = "brochure-compare";
  const MAX = 4;
  const table = root.querySelector("[data-compare-table]");
  const status = root.querySelector("[data-compare-status]");
  const onlyDiff = root.querySelector("[data-only-differences]");
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };
  const valid = (id) => /^[a-z0-9][a-z0-9_-]*$/i.test(id);
  const stored = () => {
    try {
      const v = JSON.parse(localStorage.getItem(KEY));
      return Array.isArray(v) ? v : [];
    } catch {
      return [];
    }
  };
  const params = new URLSearchParams(location.search);
  let ids = params.has("ids") ? params.get("ids").split(",") : stored();
  ids = [...new Set(ids.map((s) => String(s).trim()).filter(valid))].slice(0, MAX);

  // One product, read from its page; null when the page is missing.
  const load = async (id) => {
    const url = `${root.dataset.products}${id}/`;
    const response = await fetch(url);
    if (!response.ok) return null;
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    const title = doc.querySelector("#product-title");
    if (!title) return null;
    const specs = new Map();
    for (const row of doc.querySelectorAll(".spec-table tbody tr[id^='spec-']")) {
      const th = row.querySelector("th");
      const value = row.querySelector(".spec-table__value");
      const unit = row.querySelector(".spec-table__unit");
      const hasUnit = unit && !unit.querySelector("[aria-hidden]");
      specs.set(row.id.slice(5), {
        label: th ? th.textContent.trim() : row.id.slice(5),
        lang: th ? th.getAttribute("lang") : null,
        text: [value ? value.textContent.trim() : "", hasUnit ? unit.textContent.trim() : ""]
          .filter(Boolean)
          .join("\u202f"),
      });
    }
    const category = doc.querySelector(".product-hero .eyebrow a");
    const picture = doc.querySelector(".product-hero__media picture, .product-hero__media img");
    // Shown at most 16rem wide on a wide screen and 184 px on a 412 px phone, and decorative
    // next to the name. `sizes` says 10rem on phones, a little under, so a phone at 1.75
    // device pixels takes the 320 px copy (it needs 322), not the 640. Set before the picture
    // joins this document, where it starts loading (else the large copy is fetched first).
    if (picture) {
      for (const node of [picture, ...picture.querySelectorAll("img, source")]) {
        if (node.matches("img, source")) node.setAttribute("sizes", "(min-width: 60em) 16rem, 10rem");
        if (node.matches("img")) {
          node.alt = "";
          node.removeAttribute("fetchpriority");
          node.loading = "lazy";
        }
      }
    }
    const quote = doc.querySelector(".btn--quote");
    return {
      id,
      url,
      name: title.textContent.trim(),
      nameNodes: [...title.childNodes].map((n) => document.importNode(n, true)),
      category: category ? category.textContent.trim() : "",
      picture: picture ? document.importNode(picture, true) : null,
      quote: quote ? { href: quote.getAttribute("href"), text: quote.textContent.trim() } : null,
      specs,
    };
  };

  const setIds = (next) => {
    ids = next;
    // Ids are letters, digits, `-` and `_`: the list reads as it is, commas unescaped.
    history.replaceState(null, "", ids.length ? `?ids=${ids.join(",")}` : location.pathname);
    try {
      localStorage.setItem(KEY, JSON.stringify(ids));
    } catch {
      // Private mode: the URL still holds the comparison.
    }
  };

  const draw = (products) => {
    table.querySelectorAll("thead, tbody").forEach((n) => n.remove());
    const corner = el("th", { scope: "col" }, el("span", { className: "visually-hidden" }, root.dataset.parameter));
    const head = el("tr", {}, corner);
    for (const p of products) {
      // The name is the hidden text, the "×" only a picture of it: what a screen reader says
      // and what a voice-control user reads on the button agree.
      const label = root.dataset.remove.replace("{model}", p.name);
      const cross = el("span", {}, "×");
      cross.setAttribute("aria-hidden", "true");
      const remove = el("button", { type: "button", className: "compare-table__remove", title: label },
        cross, el("span", { className: "visually-hidden" }, label));
      remove.addEventListener("click", () => {
        setIds(ids.filter((id) => id !== p.id));
        show(products.filter((q) => q.id !== p.id));
      });
      const th = el("th", { scope: "col" },
        el("div", { className: "compare-table__media" }, ...(p.picture ? [p.picture] : [])),
        el("p", { className: "card__eyebrow" }, p.category),
        el("a", { href: p.url, className: "compare-table__name" }, ...p.nameNodes.map((n) => n.cloneNode(true))),
        remove);
      head.append(th);
    }
    const body = el("tbody");
    // Rows in the order the products list their specs, each key once.
    const keys = [];
    for (const p of products) for (const k of p.specs.keys()) if (!keys.includes(k)) keys.push(k);
    for (const key of keys) {
      const first = products.map((p) => p.specs.get(key)).find(Boolean);
      const texts = products.map((p) => (p.specs.has(key) ? p.specs.get(key).text : ""));
      const differs = new Set(texts).size > 1;
      const th = el("th", { scope: "row" }, first.label);
      if (first.lang) th.lang = first.lang;
      if (differs) th.append(el("span", { className: "visually-hidden" }, ` (${root.dataset.differs})`));
      const row = el("tr", { className: differs ? "differs" : "same" }, th);
      row.dataset.spec = key;
      for (const text of texts) {
        row.append(text ? el("td", {}, text) : el("td", { className: "is-missing" }, "—"));
      }
      body.append(row);
    }
    if (products.some((p) => p.quote)) {
      const row = el("tr", { className: "compare-table__actions" }, el("td"));
      for (const p of products) {
        row.append(el("td", {}, ...(p.quote
          ? [el("a", { className: "btn btn--primary", href: p.quote.href }, p.quote.text)]
          : [])));
      }
      body.append(row);
    }
    table.append(el("thead", {}, head), body);
    table.style.minWidth = `${12 + 13 * products.length}rem`;
  };

  const show = (products) => {
    root.querySelector("[data-compare-empty]").hidden = products.length > 0;
    root.querySelector("[data-compare-one]").hidden = products.length !== 1;
    root.querySelector("[data-compare-controls]").hidden = products.length < 2;
    root.querySelector("[data-compare-scroll]").hidden = products.length === 0;
    table.classList.toggle("only-differences", onlyDiff.checked);
    if (products.length) draw(products);
  };

  onlyDiff.addEventListener("change", () => table.classList.toggle("only-differences", onlyDiff.checked));
  root.querySelector("[data-compare-print]").addEventListener("click", () => print());

  Promise.all(ids.map((id) => load(id).catch(() => null))).then((loaded) => {
    const products = loaded.filter(Boolean);
    const missing = ids.filter((id, i) => !loaded[i]);
    if (missing.length) status.textContent = root.dataset.missing.replace("{ids}", missing.join(", "));
    if (missing.length || !params.has("ids")) setIds(products.map((p) => p.id));
    show(products);
  });
}
