// Picking products to compare, on list and product pages. The picks live in localStorage, so
// they survive moving between category pages and languages (a product's id is the same in
// every language); the tray links to the comparison page with the ids in its URL. Without
// JavaScript the pickers are hidden (site.css, `html:not(.js)`): the comparison table needs it too.
const tray = document.querySelector("[data-compare-tray]");
if (tray) {
  const KEY = "brochure-compare";
  const MAX = 4;
  let boxes = [];
  const go = tray.querySelector("[data-compare-go]");
  const status = tray.querySelector("[data-compare-status]");
  const read = () => {
    try {
      const v = JSON.parse(localStorage.getItem(KEY));
      return Array.isArray(v) ? v.filter((x) => typeof x === "string").slice(0, MAX) : [];
    } catch {
      return [];
    }
  };
  const write = (ids) => {
    try {
      localStorage.setItem(KEY, JSON.stringify(ids));
    } catch {
      // Private mode: the picks last as long as the page.
    }
  };
  let picks = read();
  const show = (note = "") => {
    for (const box of boxes) box.checked = picks.includes(box.value);
    tray.hidden = picks.length === 0;
    go.textContent = go.dataset.label.replace("{count}", picks.length);
    go.href = `${go.dataset.href}?ids=${picks.map(encodeURIComponent).join(",")}`;
    status.textContent = note;
  };
  // Every box on the page, those of cards added later (js/filters.js fetching more pages) too.
  const wire = () => {
    for (const box of document.querySelectorAll("[data-compare-pick] input")) {
      if (boxes.includes(box)) continue;
      boxes.push(box);
      box.addEventListener("change", () => {
        picks = read().filter((id) => id !== box.value);
        if (box.checked) {
          if (picks.length >= MAX) {
            box.checked = false;
            show(status.dataset.limit);
            return;
          }
          picks.push(box.value);
        }
        write(picks);
        show();
      });
    }
  };
  wire();
  document.addEventListener("brochure:cards", () => {
    wire();
    show();
  });
  tray.querySelector("[data-compare-clear]").addEventListener("click", () => {
    picks = [];
    write(picks);
    show();
  });
  // Another tab, or this page restored from the back-forward cache.
  addEventListener("storage", (e) => {
    if (e.key === KEY) {
      picks = read();
      show();
    }
  });
  addEventListener("pageshow", () => {
    picks = read();
    show();
  });
  show();
}
