// The pages citizens read: an entry (grade, criteria grouped by axis, evidence), compare,
// alternatives, the language switch that keeps the page, and `/` choosing the language.
// What each page shows is checked against the JSON API of the same server.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, api, ftl, goto, open, pathOf, setup } from './harness.js';
import { clickAndWait, entrySlugs, isVisible, languageSwitch, other, params } from './helpers.js';

const STATUS_KEY = {
  met: 'status-met',
  partial: 'status-partial',
  'not-met': 'status-not-met',
  not_met: 'status-not-met',
  'not-applicable': 'status-not-applicable',
  not_applicable: 'status-not-applicable',
  unknown: 'status-unknown',
};
const statusLabel = (lang, status) => ftl(lang, STATUS_KEY[status] ?? `status-${status}`);

describe('pages', { timeout: 300_000 }, () => {
  let env;
  let context;
  let criteria;
  before(async () => {
    env = await setup();
    context = await env.browser.newContext();
    context.setDefaultTimeout(20_000);
    criteria = await api(env.server, '/api/v1/criteria');
  });
  after(async () => {
    await context?.close();
    await env?.close();
  });

  for (const lang of LANGS) {
    it(`${lang}: an entry page shows the grade, the criteria grouped by axis, and the evidence`, async () => {
      const entry = await api(env.server, '/api/v1/entries/signal');
      const p = `/${lang}/entries/signal`;
      const page = await open(context, env.server, p);

      assert.equal((await page.locator('main h1').innerText()).trim(), entry.name, `${p}: the h1 is the entry's name`);
      const grade = entry.grade.grade;
      const gradeText = new RegExp(`^\\s*${ftl(lang, 'grade-prefix')}\\s*:?\\s*${grade}\\s*$`);
      assert.ok((await page.getByText(gradeText).count()) > 0, `${p}: no element reads "${ftl(lang, 'grade-prefix')} ${grade}"`);
      const main = await page.locator('main').innerText();
      // The score as the page writes numbers: whole when it is, else one decimal (a comma in French).
      const score = entry.grade.score;
      const shown = Math.abs(score - Math.round(score)) < 0.05 ? String(Math.round(score)) : score.toFixed(1);
      const scoreText = lang === 'fr' ? shown.replace('.', ',') : shown;
      assert.ok(main.includes(scoreText), `${p}: the score ${scoreText} behind the grade is not shown`);
      assert.ok(main.includes(String(Math.round(entry.grade.confidence))), `${p}: the confidence ${entry.grade.confidence} is not shown`);

      // Each assessed criterion: its title, its status next to it, and the heading it sits under.
      const assessed = Object.entries(entry.assessment);
      const byId = new Map(criteria.map((c) => [c.id, c]));
      // A title can appear more than once (the grade breakdown names criteria too): the
      // criterion's assessment is the occurrence with the status shown next to it.
      const found = await page.evaluate(
        (items) => {
          const headings = [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')];
          const level = (h) => Number(h.tagName[1]);
          const candidates = [...document.querySelectorAll('main a, main h2, main h3, main h4, main h5, main th, main dt, main strong')];
          return items.map(({ id, title, status }) => {
            const seen = candidates
              .filter((e) => e.textContent.trim() === title)
              .map((el) => {
                const own = el.closest('h1, h2, h3, h4, h5, h6');
                const ownLevel = own ? level(own) : 7;
                const preceding = headings.filter(
                  (h) => h !== own && h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && level(h) < ownLevel,
                );
                const group = preceding[preceding.length - 1];
                const box = el.closest('li, tr, article') ?? el.closest('section, div');
                return {
                  id,
                  found: true,
                  group: group ? group.textContent.trim() : null,
                  box: box ? box.textContent.replace(/\s+/g, ' ').trim() : '',
                };
              });
            return seen.find((f) => f.box.includes(status)) ?? seen[0] ?? { id, found: false };
          });
        },
        assessed.map(([id, a]) => ({ id, title: byId.get(id)?.title?.[lang] ?? id, status: statusLabel(lang, a.status) })),
      );
      const missing = found.filter((f) => !f.found).map((f) => f.id);
      assert.deepEqual(missing, [], `${p}: criteria not shown by title`);

      const groupOfAxis = new Map();
      for (const f of found) {
        const axis = byId.get(f.id)?.axis ?? '?';
        assert.ok(f.group, `${p}: criterion ${f.id} is under no heading`);
        if (!groupOfAxis.has(axis)) groupOfAxis.set(axis, new Set());
        groupOfAxis.get(axis).add(f.group);
      }
      for (const [axis, groups] of groupOfAxis) {
        assert.equal(groups.size, 1, `${p}: the criteria of axis ${axis} are split under headings ${JSON.stringify([...groups])}`);
      }
      const headingsUsed = [...groupOfAxis.values()].map((g) => [...g][0]);
      assert.equal(new Set(headingsUsed).size, groupOfAxis.size, `${p}: different axes share a heading: ${JSON.stringify(headingsUsed)}`);

      for (const f of found) {
        const label = statusLabel(lang, entry.assessment[f.id].status);
        assert.ok(f.box.includes(label), `${p}: criterion ${f.id} does not show its status "${label}" next to it (saw: ${f.box.slice(0, 200)})`);
      }

      const evidence = [...new Set(assessed.flatMap(([, a]) => a.evidence ?? []))];
      assert.ok(evidence.length > 0, 'the seed entry signal has evidence');
      const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const noLink = evidence.filter((url) => !hrefs.includes(url));
      assert.deepEqual(noLink, [], `${p}: evidence without a link`);

      for (const service of entry.replaces) {
        assert.ok(hrefs.includes(`/${lang}/alternatives/${service}`), `${p}: no link to the alternatives to ${service} it replaces`);
      }
      assert.ok(hrefs.some((h) => h.startsWith(`/${lang}/submit`)), `${p}: no "report an error / propose a change" link to /${lang}/submit`);
      await page.close();
    });

    it(`${lang}: compare shows two entries criterion by criterion and highlights the differences`, async () => {
      const [a, b] = await Promise.all([api(env.server, '/api/v1/entries/signal'), api(env.server, '/api/v1/entries/element')]);
      const p = `/${lang}/compare?e=signal&e=element`;
      const page = await open(context, env.server, p);
      const table = page.locator('main table').first();
      assert.equal(await page.locator('main table').count() >= 1, true, `${p}: no table`);

      const columns = await table.locator('thead th').evaluateAll((ths) =>
        ths.map((th) => [...th.querySelectorAll('a[href]')].map((x) => x.getAttribute('href'))).flat(),
      );
      const iA = columns.indexOf(`/${lang}/entries/signal`);
      const iB = columns.indexOf(`/${lang}/entries/element`);
      assert.ok(iA >= 0 && iB > iA, `${p}: column headers link to signal then element (got ${JSON.stringify(columns)})`);

      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          head: (tr.querySelector('th')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()),
          highlighted: /diff/i.test(tr.className) || tr.hasAttribute('data-differs'),
        })),
      );
      const problems = [];
      for (const c of criteria) {
        const title = c.title[lang];
        const row = rows.find((r) => r.head.startsWith(title));
        if (!row) {
          problems.push(`no row for criterion ${c.id} ("${title}")`);
          continue;
        }
        const sa = a.assessment[c.id]?.status;
        const sb = b.assessment[c.id]?.status;
        if (!sa || !sb) continue;
        if (row.cells.length !== 2) {
          problems.push(`row ${c.id} has ${row.cells.length} cells`);
          continue;
        }
        if (!row.cells[0].includes(statusLabel(lang, sa))) problems.push(`${c.id}: Signal's cell "${row.cells[0]}" is not "${statusLabel(lang, sa)}"`);
        if (!row.cells[1].includes(statusLabel(lang, sb))) problems.push(`${c.id}: Element's cell "${row.cells[1]}" is not "${statusLabel(lang, sb)}"`);
        if ((sa !== sb) !== row.highlighted) {
          problems.push(`${c.id}: statuses ${sa}/${sb} but the row is ${row.highlighted ? '' : 'not '}highlighted as differing (class *diff*)`);
        }
      }
      assert.deepEqual(problems, [], `${p}: criterion rows`);
      await page.close();
    });

    it(`${lang}: compare asks for 2 to 4 entries without failing`, async () => {
      const page = await context.newPage();
      for (const q of ['e=signal', 'e=signal&e=no-such-entry', 'e=signal&e=element&e=briar&e=session&e=wire']) {
        const res = await page.goto(env.server.url(`/${lang}/compare?${q}`));
        assert.ok(res.status() >= 200 && res.status() < 500, `/${lang}/compare?${q}: HTTP ${res.status()}`);
        assert.ok((await page.locator('main h1').count()) === 1, `/${lang}/compare?${q}: no h1 explaining the page`);
      }
      await page.close();
    });

    it(`${lang}: the alternatives to WhatsApp, reached from home, are ranked and can be compared`, async () => {
      const home = await open(context, env.server, `/${lang}/`);
      const tile = home.locator(`main a[href="/${lang}/alternatives/whatsapp"]`).first();
      assert.equal(await tile.count(), 1, `/${lang}/: no "replace a service" link to WhatsApp`);
      const url = await clickAndWait(home, tile);
      assert.equal(url.pathname, `/${lang}/alternatives/whatsapp`);
      const page = home;

      const alt = await api(env.server, '/api/v1/services/whatsapp/alternatives');
      assert.ok((await page.locator('main h1').innerText()).includes(alt.service.name), 'the h1 names WhatsApp');
      const shown = await entrySlugs(page, lang);
      assert.deepEqual(shown, alt.alternatives.map((x) => x.slug).slice(0, shown.length), 'candidates in the API\'s ranking');
      assert.equal(shown.length, alt.alternatives.length, 'every alternative is listed');
      const text = await page.locator('main').innerText();
      for (const x of alt.alternatives.slice(0, 3)) {
        assert.match(text, new RegExp(`${ftl(lang, 'grade-prefix')}\\s*${x.grade}\\b`), `the grade ${x.grade} of ${x.slug} is shown`);
      }

      const boxes = page.locator('main input[type=checkbox][name=e]');
      assert.ok((await boxes.count()) >= 2, 'each candidate can be ticked for comparison');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      const cmp = await clickAndWait(page, page.locator('main form[action$="/compare"] button[type=submit], main form[action$="/compare"] button:not([type])').first());
      assert.equal(cmp.pathname, `/${lang}/compare`);
      assert.deepEqual(cmp.searchParams.getAll('e'), shown.slice(0, 2), 'compare receives the two ticked entries');
      await page.close();
    });

    it(`${lang}: the language switch keeps the page, its query and its filters`, async () => {
      const to = other(lang);
      const paths = [
        `/${lang}/`,
        `/${lang}/search?q=signal&platform=linux&sort=name`,
        `/${lang}/entries/signal`,
        `/${lang}/alternatives/whatsapp`,
        `/${lang}/compare?e=signal&e=element`,
        `/${lang}/criteria`,
        `/${lang}/observatory`,
        `/${lang}/privacy`,
      ];
      const page = await context.newPage();
      for (const p of paths) {
        await goto(page, env.server, p);
        const link = languageSwitch(page, to);
        assert.equal(await link.count(), 1, `${p}: no language switch (a header link with hreflang="${to}")`);
        assert.ok(await isVisible(link), `${p}: the language switch is not visible`);
        const origUrl = page.url();
        const url = await clickAndWait(page, link);
        assert.equal(url.pathname, p.replace(/^\/(fr|en)\//, `/${to}/`).split('?')[0], `${p}: the switch leads to another page`);
        assert.deepEqual(params(url.href), params(origUrl), `${p}: the switch loses the query or filters`);
        assert.equal(await page.locator('html').getAttribute('lang'), to, `${pathOf(page)}: <html lang> is not ${to}`);
        const back = languageSwitch(page, lang);
        assert.equal(await back.count(), 1, `${pathOf(page)}: no switch back to ${lang}`);
        const backUrl = new URL(await back.getAttribute('href'), page.url());
        assert.equal(backUrl.pathname + backUrl.search, new URL(origUrl).pathname + new URL(origUrl).search, `${pathOf(page)}: the switch back does not return to ${p}`);
      }
      // The translated 404 keeps its address too.
      await goto(page, env.server, `/${lang}/no-such-page`, { status: 404 });
      const link = languageSwitch(page, to);
      assert.equal(await link.count(), 1, `/${lang}/no-such-page: no language switch`);
      assert.equal(new URL(await link.getAttribute('href'), page.url()).pathname, `/${to}/no-such-page`);
      await page.close();
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: submitting and reviewing send an anonymous visitor to the login page, which says login is not configured`, async () => {
      const page = await context.newPage();
      for (const p of [`/${lang}/submit`, `/${lang}/review`, `/${lang}/account`]) {
        await goto(page, env.server, p);
        const url = new URL(page.url());
        assert.equal(url.pathname, `/${lang}/login`, `${p}: not sent to the login page`);
        assert.equal(url.searchParams.get('next'), p, `${p}: the login page does not know where to come back`);
        const main = await page.locator('main').innerText();
        assert.ok(main.includes(ftl(lang, 'login-not-configured')), `${p}: the login page does not say that login is not configured (saw: ${main.slice(0, 300)})`);
        const privacy = page.locator(`main a[href="/${lang}/privacy#accounts"]`);
        assert.equal(await privacy.count(), 1, `${p}: no link to what an account keeps`);
      }
      // The header is the same for everyone: a static "log in / account" link.
      const account = page.locator(`header nav a[href="/${lang}/account"]`);
      assert.equal((await account.innerText()).trim(), ftl(lang, 'nav-account'));
      await page.close();
    });
  }

  for (const [locale, lang] of [['en-GB', 'en'], ['fr-FR', 'fr']]) {
    it(`/ sends a browser in ${locale} to /${lang}/`, async () => {
      const ctx = await env.browser.newContext({ locale });
      const page = await ctx.newPage();
      await page.goto(env.server.url('/'));
      assert.equal(new URL(page.url()).pathname, `/${lang}/`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      await ctx.close();
    });
  }
});
