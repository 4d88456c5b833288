// Narrowing a product list by category and spec ranges, on the page. Without JavaScript the
// form is hidden (site.css, `html:not(.js)`) and the whole list shows. The state lives in the URL
// (?operating-weight-min=20000&category=excavators), so a narrowed list can be shared, and
// is read back when the page opens.
//
// A long category is paginated (24 machines a page). A list whose other pages exist says so
// (`data-more` on its grid): once the visitor narrows it, those pages are fetched, once, and
// their cards join this one, so a filter searches the whole category, not one page of it.
// Until then nothing is fetched.
const form = document.querySelector("[data-filters]");
if (form) {
  const cards = [...document.querySelectorAll("li[data-product]")];
  const sections = [...document.querySelectorAll("[data-category]")];
  const grids = [...document.querySelectorAll("ul[data-more]")];
  const pagination = document.querySelector(".pagination");
  const status = form.querySelector("[data-status]");
  // "Show all" only when there is something to undo.
  const reset = form.querySelector('[type="reset"]');
  const fields = [...form.elements].filter((e) => e.name);
  const total = [...document.querySelectorAll("ul[data-total]")].reduce((n, g) => n + Number(g.dataset.total), 0) || cards.length;
  const fetched = new Map();

  // The other pages of `grid`, fetched once; resolves when their cards are on this page.
  const fetchMore = (grid) => {
    if (!fetched.has(grid)) {
      const urls = grid.dataset.more.split(" ").filter(Boolean);
      fetched.set(grid, Promise.all(urls.map((url) => fetch(url).then((r) => (r.ok ? r.text() : "")).catch(() => "")))
        .then((pages) => {
          for (const html of pages) {
            const doc = new DOMParser().parseFromString(html, "text/html");
            for (const li of doc.querySelectorAll("li[data-product]")) {
              const card = document.importNode(li, true);
              card.dataset.fetched = "";
              card.hidden = true;
              grid.append(card);
              cards.push(card);
            }
          }
          // js/compare.js shows the "Compare" boxes of the new cards.
          document.dispatchEvent(new CustomEvent("brochure:cards"));
          apply();
        }));
    }
    return fetched.get(grid);
  };

  const apply = () => {
    const ranges = fields
      .filter((f) => f.type === "number" && f.value !== "" && !Number.isNaN(Number(f.value)))
      .map((f) => {
        // `<key>-min` or `<key>-max`.
        return { key: f.name.slice(0, -4), min: f.name.endsWith("-min"), bound: Number(f.value) };
      });
    const category = form.elements.category ? form.elements.category.value : "";
    const active = ranges.length > 0 || category !== "";
    if (active) {
      for (const grid of grids) {
        const section = grid.closest("[data-category]");
        if (!category || !section || section.dataset.category === category) fetchMore(grid);
      }
    }
    let shown = 0;
    for (const card of cards) {
      const ok = ranges.every(({ key, min, bound }) => {
        const raw = card.getAttribute(`data-spec-${key}`);
        if (raw === null) return false;
        const value = Number(raw);
        return min ? value >= bound : value <= bound;
      });
      const section = card.closest("[data-category]");
      const inCategory = !category || !section || section.dataset.category === category;
      // Cards from other pages show only in a narrowed list; unnarrowed, this page is itself.
      card.hidden = !(ok && inCategory) || (!active && "fetched" in card.dataset);
      if (!card.hidden) shown += 1;
    }
    for (const section of sections) {
      section.hidden = !section.querySelector("li[data-product]:not([hidden])");
    }
    if (pagination) pagination.hidden = active;
    if (reset) reset.hidden = !active;
    const of = active ? (category ? sumFor(category) : total) : total;
    status.textContent = status.dataset.status.replace("{shown}", shown).replace("{total}", of);
    // The URL says what is shown: shareable, and kept on reload.
    const params = new URLSearchParams();
    for (const f of fields) if (f.value !== "") params.set(f.name, f.value);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };

  // How many machines a category has in all, on every page.
  const sumFor = (category) => {
    const grid = document.querySelector(`[data-category="${CSS.escape(category)}"] ul[data-total]`);
    return grid ? Number(grid.dataset.total) : total;
  };

  const params = new URLSearchParams(location.search);
  for (const f of fields) if (params.has(f.name)) f.value = params.get(f.name);
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (e) => e.preventDefault());
  apply();
}
