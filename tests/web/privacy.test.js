// The privacy of visitors, observed from the browser over a tour of every page type in both
// languages plus the interactions of a visit (search, filter, language switch, compare):
// every request stays on the site's origin, no cookie is set (no Set-Cookie header, nothing in
// the cookie jar), every HTML page carries the security headers of issue 4, no inline script,
// nothing blocked by the Content-Security-Policy, and the server's log keeps no search query.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, NO_RESULTS_QUERY, PAGE_TYPES, QUERY, goto, setup } from './harness.js';
import { clickAndWait, languageSwitch, nearestSubmit, other } from './helpers.js';

describe('privacy of visitors', { timeout: 300_000 }, () => {
  let env;
  let context;
  let logStart;
  const requests = []; // { url, type, from }
  const responses = []; // { url, status, headers, type, from }
  const messages = []; // { text, from }
  let where = '';

  before(async () => {
    env = await setup();
    logStart = env.server.log.length;
    context = await env.browser.newContext();
    context.setDefaultTimeout(20_000);
    // Recorded on the context: every page of the tour, every frame, every sub-resource.
    context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType(), from: where }));
    context.on('response', async (r) => {
      const entry = { url: r.url(), status: r.status(), type: r.request().resourceType(), from: where, headers: {} };
      responses.push(entry);
      entry.headers = await r.allHeaders().catch(() => ({}));
    });
    context.on('page', (page) => {
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') messages.push({ text: m.text(), from: where });
      });
      page.on('pageerror', (e) => messages.push({ text: `uncaught: ${e.message}`, from: where }));
    });

    // The tour.
    const page = await context.newPage();
    for (const lang of LANGS) {
      for (const t of PAGE_TYPES) {
        where = t.path(lang);
        await goto(page, env.server, where, { status: t.status ?? 200 });
        await page.waitForLoadState('networkidle');
      }
      where = `/${lang}/ (search typed, filter applied, language switched, compare submitted)`;
      await goto(page, env.server, `/${lang}/`);
      const box = page.locator('main form[role=search] input[name=q]').first();
      await box.fill(QUERY[lang]);
      await clickAndWait(page, nearestSubmit(box));
      const cb = page.locator('input[type=checkbox][name=platform]').first();
      await cb.check();
      await clickAndWait(page, nearestSubmit(cb));
      await clickAndWait(page, languageSwitch(page, other(lang)));
      await goto(page, env.server, `/${lang}/alternatives/whatsapp`);
      const boxes = page.locator('main input[type=checkbox][name=e]');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await clickAndWait(page, nearestSubmit(boxes.nth(1)));
      await page.waitForLoadState('networkidle');
    }
    await page.close();
    // Let the last response handlers read their headers.
    await new Promise((r) => setTimeout(r, 200));
  });
  after(async () => {
    await context?.close();
    await env?.close();
  });

  it('the tour made requests (sanity check of the recording)', () => {
    assert.ok(requests.filter((r) => r.type === 'document').length >= PAGE_TYPES.length * 2, 'documents recorded');
    assert.ok(requests.some((r) => r.type === 'stylesheet'), 'the stylesheet was loaded');
  });

  it('every request stays on the site\'s origin', () => {
    const origin = env.server.origin;
    // data: URLs never leave the browser; anything else must be the site itself.
    const elsewhere = requests.filter((r) => !r.url.startsWith('data:') && new URL(r.url).origin !== origin);
    assert.deepEqual(
      elsewhere.map((r) => `${r.from}: ${r.type} ${r.url}`),
      [],
      `requests to another origin than ${origin}`,
    );
  });

  it('no cookie is set: no Set-Cookie header, an empty cookie jar', async () => {
    const setters = responses.filter((r) => Object.keys(r.headers).some((h) => h.toLowerCase() === 'set-cookie'));
    assert.deepEqual(setters.map((r) => `${r.from}: ${r.url} sets ${r.headers['set-cookie']}`), [], 'responses with Set-Cookie');
    assert.deepEqual(await context.cookies(), [], 'cookies in the browser after the tour');
    const page = await context.newPage();
    await goto(page, env.server, '/fr/');
    assert.equal(await page.evaluate(() => document.cookie), '', 'document.cookie after the tour');
    await page.close();
  });

  it('every resource of the tour loaded (no broken stylesheet, icon or image)', () => {
    const broken = responses.filter((r) => r.status >= 400 && !(r.type === 'document' && r.status === 404 && r.url.endsWith('/no-such-page')));
    assert.deepEqual(broken.map((r) => `${r.from}: ${r.type} ${r.url} -> ${r.status}`), []);
  });

  it('every HTML page carries a strict CSP, no-referrer, nosniff and a Permissions-Policy', () => {
    const problems = [];
    const docs = responses.filter((r) => r.type === 'document' && (r.headers['content-type'] ?? '').startsWith('text/html'));
    assert.ok(docs.length >= PAGE_TYPES.length * 2, `only ${docs.length} HTML documents with headers recorded`);
    for (const d of docs) {
      const h = d.headers;
      const csp = h['content-security-policy'] ?? '';
      const at = `${new URL(d.url).pathname}${new URL(d.url).search}`;
      if (!csp) problems.push(`${at}: no Content-Security-Policy`);
      if (/unsafe-inline|unsafe-eval/.test(csp)) problems.push(`${at}: CSP allows unsafe-inline/unsafe-eval: ${csp}`);
      if (csp && !/frame-ancestors 'none'/.test(csp)) problems.push(`${at}: CSP without frame-ancestors 'none': ${csp}`);
      if (csp && !/(default-src|script-src) [^;]*'(none|self)'/.test(csp)) problems.push(`${at}: CSP does not restrict scripts: ${csp}`);
      if ((h['referrer-policy'] ?? '') !== 'no-referrer') problems.push(`${at}: Referrer-Policy is ${h['referrer-policy']}`);
      if ((h['x-content-type-options'] ?? '') !== 'nosniff') problems.push(`${at}: X-Content-Type-Options is ${h['x-content-type-options']}`);
      if (!h['permissions-policy']) problems.push(`${at}: no Permissions-Policy`);
    }
    assert.deepEqual(problems, []);
  });

  it('no inline script, no inline event handler, at most one self-hosted script', async () => {
    const page = await context.newPage();
    const problems = [];
    for (const lang of LANGS) {
      for (const t of PAGE_TYPES) {
        const p = t.path(lang);
        await goto(page, env.server, p, { status: t.status ?? 200 });
        const found = await page.evaluate(() => ({
          scripts: [...document.scripts].map((s) => s.getAttribute('src')),
          handlers: [...document.querySelectorAll('*')].flatMap((el) =>
            [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`),
          ),
          jsLinks: [...document.querySelectorAll('a[href^="javascript:" i]')].length,
        }));
        const inline = found.scripts.filter((s) => !s);
        if (inline.length) problems.push(`${p}: ${inline.length} inline <script>`);
        if (found.scripts.length > 1) problems.push(`${p}: ${found.scripts.length} scripts: ${found.scripts.join(', ')}`);
        for (const s of found.scripts.filter(Boolean)) {
          if (new URL(s, page.url()).origin !== env.server.origin) problems.push(`${p}: script from elsewhere: ${s}`);
        }
        if (found.handlers.length) problems.push(`${p}: inline event handlers ${found.handlers.join(', ')}`);
        if (found.jsLinks) problems.push(`${p}: ${found.jsLinks} javascript: links`);
      }
    }
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('nothing was blocked by the Content-Security-Policy, no script error', () => {
    const bad = messages.filter((m) => /Content Security Policy|Refused to|uncaught/i.test(m.text));
    assert.deepEqual(bad.map((m) => `${m.from}: ${m.text}`), []);
  });

  it('the server\'s log keeps no search query and no visitor address', () => {
    const lines = env.server.log.slice(logStart);
    const queries = [QUERY.fr, QUERY.en, NO_RESULTS_QUERY];
    const leaks = lines.filter((l) => queries.some((q) => l.includes(q)) || /127\.0\.0\.1:\d+/.test(l) && !/listening on/.test(l));
    assert.deepEqual(leaks, [], 'log lines written during the tour that carry a query or an address');
  });
});
