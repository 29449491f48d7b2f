// Page-reading helpers shared by the test files. They read the page the way a visitor does
// (links, form controls, headings) rather than through the templates' class names, except
// where a test says otherwise.

/** Slugs of the entries linked from `main`, in document order, each once. */
export async function entrySlugs(page, lang) {
  return page.evaluate((prefix) => {
    const seen = [];
    for (const a of document.querySelectorAll(`main a[href^="${prefix}"]`)) {
      const slug = decodeURIComponent(new URL(a.href).pathname.slice(prefix.length)).split('/')[0];
      if (slug && !seen.includes(slug)) seen.push(slug);
    }
    return seen;
  }, `/${lang}/entries/`);
}

/**
 * Every facet checkbox of the page: its parameter name, value, the count shown in its label,
 * and whether it is ticked. A checkbox without a `(N)` count in its label gets `count: null`.
 */
export async function facets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input[type=checkbox]')]
      .filter((cb) => cb.name && cb.name !== 'e')
      .map((cb) => {
        const label = cb.labels && cb.labels[0] ? cb.labels[0].textContent : '';
        const m = /\((\d+)\)\s*$/.exec(label.trim()) || /(\d+)\s*$/.exec(label.trim());
        return { name: cb.name, value: cb.value, count: m ? Number(m[1]) : null, checked: cb.checked, label: label.trim() };
      }),
  );
}

/** The submit button closest to `control` in the document tree (the one a visitor would use). */
export function nearestSubmit(control) {
  return control.locator('xpath=ancestor::*[.//button[@type="submit" or not(@type)] or .//input[@type="submit"]][1]')
    .locator('button[type=submit], button:not([type]), input[type=submit]')
    .first();
}

/** Clicks `locator` and waits for the navigation it starts; returns the new URL. */
export async function clickAndWait(page, locator) {
  const before = page.url();
  await Promise.all([
    page.waitForURL((u) => u.href !== before, { waitUntil: 'load' }),
    locator.click(),
  ]);
  return new URL(page.url());
}

/** Lowercase, accents removed. */
export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The query parameters of a URL as sorted `[key, value]` pairs, for comparing. */
export function params(url) {
  return [...new URL(url).searchParams.entries()].sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a.localeCompare(b)));
}

/** The language-switch link of the page header (a link with `hreflang` to the other language). */
export function languageSwitch(page, other) {
  return page.locator(`header a[hreflang="${other}"], [role=banner] a[hreflang="${other}"]`).first();
}

export const other = (lang) => (lang === 'fr' ? 'en' : 'fr');

/**
 * Whether each element matching `selector` is where a sighted visitor can see it: laid out with
 * a size, not hidden, not clipped to 1px like visually-hidden text.
 */
export async function isVisible(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  });
}
