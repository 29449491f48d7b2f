// The whole flow with JavaScript off (a browser context with `javaScriptEnabled: false`):
// search from the home page, filter with a facet, open an entry, go to the alternatives of a
// service it replaces, tick two candidates and compare them. Only links and GET forms.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, open, pathOf, setup } from './harness.js';
import { clickAndWait, entrySlugs, facets, nearestSubmit } from './helpers.js';

const MESSAGING = { fr: 'messagerie', en: 'messaging' };

describe('the whole flow with JavaScript disabled', { timeout: 300_000 }, () => {
  let env;
  let context;
  before(async () => {
    env = await setup();
    context = await env.browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(20_000);
  });
  after(async () => {
    await context?.close();
    await env?.close();
  });

  for (const lang of LANGS) {
    it(`${lang}: search, filter, open an entry, compare — without JavaScript`, async () => {
      const page = await open(context, env.server, `/${lang}/`);

      // 1. Search from the home page.
      const box = page.locator('main form[role=search] input[name=q]').first();
      await box.fill(MESSAGING[lang]);
      const searchUrl = await clickAndWait(page, nearestSubmit(box));
      assert.equal(searchUrl.pathname, `/${lang}/search`, 'the home form submits to the search page');
      assert.equal(searchUrl.searchParams.get('q'), MESSAGING[lang]);
      const results = await entrySlugs(page, lang);
      assert.ok(results.length > 1, `${pathOf(page)}: ${results.length} results for "${MESSAGING[lang]}"`);

      // 2. Tick a facet and apply: a plain GET form, no script.
      const available = await facets(page);
      const pick = available.find((f) => f.name === 'platform' && !f.checked && f.count > 0 && f.count < results.length)
        ?? available.find((f) => !f.checked && f.count > 0);
      assert.ok(pick, `${pathOf(page)}: no facet to tick`);
      const cb = page.locator(`input[type=checkbox][name="${pick.name}"][value="${pick.value}"]`);
      await cb.check();
      const filteredUrl = await clickAndWait(page, nearestSubmit(cb));
      assert.deepEqual(filteredUrl.searchParams.getAll(pick.name), [pick.value], `the filter ${pick.name}=${pick.value} is in ${filteredUrl.search}`);
      assert.equal(filteredUrl.searchParams.get('q'), MESSAGING[lang], 'the query survives filtering');
      const filtered = await entrySlugs(page, lang);
      assert.ok(filtered.length > 0, `${pathOf(page)}: no results after filtering`);
      assert.ok(filtered.length <= pick.count, `${pathOf(page)}: ${filtered.length} results for a facet counted ${pick.count}`);

      // 3. Open the first entry.
      const first = page.locator(`main a[href="/${lang}/entries/${filtered[0]}"]`).first();
      const name = (await first.innerText()).trim();
      const entryUrl = await clickAndWait(page, first);
      assert.equal(entryUrl.pathname, `/${lang}/entries/${filtered[0]}`);
      assert.equal((await page.locator('main h1').innerText()).trim(), name, 'the entry page is the one clicked');

      // 4. The alternatives to a service it replaces (or, if none, WhatsApp's from home).
      let altLink = page.locator(`main a[href^="/${lang}/alternatives/"]`).first();
      if ((await altLink.count()) === 0) {
        await page.goto(env.server.url(`/${lang}/`));
        altLink = page.locator(`main a[href="/${lang}/alternatives/whatsapp"]`).first();
      }
      const altUrl = await clickAndWait(page, altLink);
      assert.match(altUrl.pathname, new RegExp(`^/${lang}/alternatives/[^/]+$`));
      const candidates = await entrySlugs(page, lang);
      assert.ok(candidates.length >= 2, `${pathOf(page)}: fewer than two candidates to compare`);

      // 5. Tick two and compare.
      const boxes = page.locator('main input[type=checkbox][name=e]');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      const cmpUrl = await clickAndWait(page, nearestSubmit(boxes.nth(1)));
      assert.equal(cmpUrl.pathname, `/${lang}/compare`);
      const picked = cmpUrl.searchParams.getAll('e');
      assert.equal(picked.length, 2, `compare receives two entries: ${cmpUrl.search}`);
      const heads = await page.locator('main table thead th a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const slug of picked) {
        assert.ok(heads.includes(`/${lang}/entries/${slug}`), `${pathOf(page)}: no column for ${slug}`);
      }
      const rows = await page.locator('main table tbody tr').count();
      assert.ok(rows >= 25, `${pathOf(page)}: only ${rows} rows compared`);

      // 6. The language switch keeps the comparison, still without script.
      const sw = page.locator(`header a[hreflang="${lang === 'fr' ? 'en' : 'fr'}"]`).first();
      const swUrl = await clickAndWait(page, sw);
      assert.equal(swUrl.pathname, `/${lang === 'fr' ? 'en' : 'fr'}/compare`);
      assert.deepEqual(swUrl.searchParams.getAll('e'), picked);
      await page.close();
    });
  }
});
