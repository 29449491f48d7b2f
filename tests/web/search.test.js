// Searching and filtering, as a visitor does it with JavaScript on: the home search box, the
// results with highlighted snippets, a facet ticked and applied, sort, pagination, and the
// "no results" page. Results are checked against the JSON API of the same server (same index).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, NO_RESULTS_QUERY, QUERY, api, ftl, open, setup } from './harness.js';
import { clickAndWait, entrySlugs, facets, fold, nearestSubmit } from './helpers.js';

describe('searching and filtering', { timeout: 300_000 }, () => {
  let env;
  let context;
  before(async () => {
    env = await setup();
    context = await env.browser.newContext();
    context.setDefaultTimeout(20_000);
  });
  after(async () => {
    await context?.close();
    await env?.close();
  });

  for (const lang of LANGS) {
    it(`${lang}: a query typed in the home search box gives results with highlighted snippets`, async () => {
      const page = await open(context, env.server, `/${lang}/`);
      const box = page.locator('main form[role=search] input[type=search], main form[role=search] input[name=q]').first();
      assert.equal(await box.count(), 1, `/${lang}/: no search box (form[role=search] with a q field) in main`);
      const label = await box.evaluate((el) => (el.labels?.[0]?.textContent || el.getAttribute('aria-label') || '').trim());
      assert.ok(label.length > 0, `/${lang}/: the home search box has no label`);

      await box.fill(QUERY[lang]);
      await Promise.all([page.waitForURL(/\/search\?/, { waitUntil: 'load' }), box.press('Enter')]);
      const url = new URL(page.url());
      assert.equal(url.pathname, `/${lang}/search`, 'the search form leads to the search page');
      assert.equal(url.searchParams.get('q'), QUERY[lang], 'the query is in the URL');
      assert.equal(await page.locator('main input[name=q]').first().inputValue(), QUERY[lang], 'the search page keeps the query in its box');

      const shown = await entrySlugs(page, lang);
      assert.ok(shown.length > 0, `${url.pathname}${url.search}: no result links to /${lang}/entries/...`);
      const expected = await api(env.server, `/api/v1/search?q=${encodeURIComponent(QUERY[lang])}&lang=${lang}&per_page=${shown.length}`);
      assert.deepEqual(shown, expected.hits.map((h) => h.slug), 'the results, in order, are those of the API for the same query');

      const marks = await page.locator('main mark').allTextContents();
      assert.ok(marks.length > 0, `${url.pathname}${url.search}: no highlighted word (<mark>) in the snippets`);
      const stem = fold(QUERY[lang]).slice(0, 5);
      assert.ok(
        marks.some((m) => fold(m).startsWith(stem)),
        `highlighted words ${JSON.stringify(marks)} do not include a form of "${QUERY[lang]}"`,
      );
      await page.close();
    });

    it(`${lang}: ticking a facet and applying filters the results and changes the counts`, async () => {
      const start = `/${lang}/search?q=${encodeURIComponent(QUERY[lang])}`;
      const page = await open(context, env.server, start);
      const before = await facets(page);
      assert.ok(before.length > 0, `${start}: no facet checkboxes`);
      const unlabelled = before.filter((f) => f.count === null);
      assert.deepEqual(unlabelled, [], `${start}: facet checkboxes whose label shows no count`);
      const total = (await api(env.server, `/api/v1/search?q=${encodeURIComponent(QUERY[lang])}&lang=${lang}`)).total;
      const shownBefore = (await entrySlugs(page, lang)).length;

      // A facet value that narrows the results: prefer a platform, the facet every entry has.
      const narrowing = (f) => !f.checked && f.count > 0 && f.count < total;
      const pick = before.find((f) => f.name === 'platform' && narrowing(f)) ?? before.find(narrowing);
      assert.ok(pick, `${start}: no facet value with 0 < count < ${total}`);

      const checkbox = page.locator(`input[type=checkbox][name="${pick.name}"][value="${pick.value}"]`);
      await checkbox.check();
      const url = await clickAndWait(page, nearestSubmit(checkbox));

      assert.equal(url.pathname, `/${lang}/search`);
      assert.deepEqual(url.searchParams.getAll(pick.name), [pick.value], `the URL ${url.search} carries ${pick.name}=${pick.value}`);
      assert.equal(url.searchParams.get('q'), QUERY[lang], 'the query is kept when filtering');
      assert.ok(await page.locator(`input[type=checkbox][name="${pick.name}"][value="${pick.value}"]`).isChecked(), 'the applied facet stays ticked');

      const filtered = await api(
        env.server,
        `/api/v1/search?q=${encodeURIComponent(QUERY[lang])}&lang=${lang}&${pick.name}=${encodeURIComponent(pick.value)}`,
      );
      assert.equal(filtered.total, pick.count, `the count shown for ${pick.name}=${pick.value} (${pick.count}) is the number of results`);
      const shown = await entrySlugs(page, lang);
      const perPage = shownBefore < total ? shownBefore : Infinity;
      assert.equal(shown.length, Math.min(pick.count, perPage), `after filtering, ${shown.length} results shown for ${pick.count} matching`);
      assert.deepEqual(shown, filtered.hits.slice(0, shown.length).map((h) => h.slug), 'the filtered results are those of the API');

      const after = await facets(page);
      const counts = (list) => list.map((f) => `${f.name}=${f.value}:${f.count}`).sort();
      assert.notDeepEqual(counts(after), counts(before), 'the facet counts change once a filter is applied');
      await page.close();
    });

    it(`${lang}: sorting and paging through the results`, async () => {
      const start = `/${lang}/search?q=${encodeURIComponent(QUERY[lang])}`;
      const page = await open(context, env.server, start);
      const select = page.locator('main select[name=sort]');
      assert.equal(await select.count(), 1, `${start}: no sort control (select name=sort)`);
      const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, selected: o.selected })));
      const other = options.find((o) => !o.selected && o.value);
      assert.ok(other, `${start}: the sort control offers a single choice`);
      await select.selectOption(other.value);
      const url = await clickAndWait(page, nearestSubmit(select));
      assert.equal(url.searchParams.get('sort'), other.value, `the URL ${url.search} carries sort=${other.value}`);
      const sorted = await entrySlugs(page, lang);
      const expected = await api(env.server, `/api/v1/search?q=${encodeURIComponent(QUERY[lang])}&lang=${lang}&sort=${other.value}&per_page=${sorted.length}`);
      assert.deepEqual(sorted, expected.hits.map((h) => h.slug), `results sorted by ${other.value} are in the API's order`);

      // Paging: the whole catalogue is more than one page.
      await page.goto(env.server.url(`/${lang}/search`));
      const first = await entrySlugs(page, lang);
      const all = await api(env.server, `/api/v1/search?lang=${lang}`);
      assert.ok(first.length > 0 && first.length < all.total, `/${lang}/search lists ${first.length} of ${all.total} entries on page 1`);
      const next = page.locator('main nav a[rel=next]').first();
      assert.equal(await next.count(), 1, `/${lang}/search: no link to the next page (a[rel=next] in a nav)`);
      const url2 = await clickAndWait(page, next);
      assert.equal(url2.searchParams.get('page'), '2', `the next page's URL ${url2.search} has page=2`);
      const second = await entrySlugs(page, lang);
      assert.ok(second.length > 0, 'page 2 has results');
      assert.deepEqual(second.filter((s) => first.includes(s)), [], 'page 2 repeats no result of page 1');
      const current = await page.locator('main nav [aria-current=page]').allTextContents();
      assert.ok(current.some((t) => /\b2\b/.test(t)), `the pagination marks page 2 as current (aria-current), got ${JSON.stringify(current)}`);
      await page.close();
    });

    it(`${lang}: a search without results says so and suggests a way out`, async () => {
      const p = `/${lang}/search?q=${NO_RESULTS_QUERY}`;
      const page = await open(context, env.server, p);
      assert.deepEqual(await entrySlugs(page, lang), [], `${p}: shows results`);
      const text = await page.locator('main').innerText();
      assert.ok(text.includes(ftl(lang, 'search-nothing')), `${p}: the "no results" message (search-nothing) is missing`);
      const links = await page.locator('main a[href]').count();
      assert.ok(links >= 2, `${p}: only ${links} links to go on from a search without results`);
      await page.close();
    });
  }
});
