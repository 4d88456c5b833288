// Narrowing a product list by category and spec ranges, on the page (no requests). The form
// is hidden without JavaScript, when the whole list shows. The state lives in the URL
// (?operating-weight-min=20000&category=excavators), so a narrowed list can be shared, and
// is read back when the page opens.
const form = document.querySelector("[data-filters]");
if (form) {
  const cards = [...document.querySelectorAll("li[data-product]")];
  const sections = [...document.querySelectorAll("[data-category]")];
  const status = form.querySelector("[data-status]");
  const fields = [...form.elements].filter((e) => e.name);

  const apply = () => {
    const ranges = fields
      .filter((f) => f.type === "number" && f.value !== "" && !Number.isNaN(Number(f.value)))
      .map((f) => {
        // `<key>-min` or `<key>-max`.
        return { key: f.name.slice(0, -4), min: f.name.endsWith("-min"), bound: Number(f.value) };
      });
    const category = form.elements.category ? form.elements.category.value : "";
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
      card.hidden = !(ok && inCategory);
      if (!card.hidden) shown += 1;
    }
    for (const section of sections) {
      section.hidden = !section.querySelector("li[data-product]:not([hidden])");
    }
    status.textContent = status.dataset.status.replace("{shown}", shown).replace("{total}", cards.length);
    // The URL says what is shown: shareable, and kept on reload.
    const params = new URLSearchParams();
    for (const f of fields) if (f.value !== "") params.set(f.name, f.value);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };

  const params = new URLSearchParams(location.search);
  for (const f of fields) if (params.has(f.name)) f.value = params.get(f.name);
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
