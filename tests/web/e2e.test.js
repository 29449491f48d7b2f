// The review workflow end to end, as people do it in a real browser against a real OpenID
// Connect provider (tests/oidc/provider.mjs): a maintainer logs in on the provider's page,
// submits a new entry with the form and logs out; a reviewer (another account, reviewer by the
// domain of their verified e-mail address) logs in, finds the submission in the queue, fills
// the checklist and approves; the entry is then found by the search page and the search API,
// and its page shows it validated. The maintainer gets no decision form on their own
// submission, and a decision they post anyway is refused.
//
// The server runs on SQLite in its state directory, or on PostgreSQL when
// FLOSS_WEB_DATABASE_URL names a fresh, empty database (scripts/test runs this file both ways).
// On a failure, the server's and the provider's logs are printed.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, api, ftl, goto, launchBrowser, startServer } from './harness.js';
import { PROVIDER_NAME, fixtureUser, startProvider, writeRegistryConfig } from './oidc.js';

const DATABASE_URL = process.env.FLOSS_WEB_DATABASE_URL || '';
const BACKEND = DATABASE_URL.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

// A real free-software project that registry-data/entries does not hold. Every fact below is
// the project's own (https://www.blender.org/about/license/: source code GPL-2.0-or-later by
// default, binaries distributed under GPL-3.0-or-later); every criterion that is not shown by a
// public source stays "unknown" (not established).
const ENTRY = {
  slug: 'blender',
  name: 'Blender',
  homepage: 'https://www.blender.org',
  repository: 'https://projects.blender.org/blender/blender',
  license: 'GPL-2.0-or-later',
  kinds: ['desktop'],
  platforms: ['linux', 'macos', 'windows'],
  categories: ['graphics'],
  summary_fr: 'Suite libre de création 3D : modélisation, animation, rendu, compositing et montage vidéo.',
  summary_en: 'Free 3D creation suite: modelling, animation, rendering, compositing and video editing.',
  description_fr:
    'Blender est une suite de création 3D développée par la Blender Foundation et sa communauté. ' +
    'Elle couvre la modélisation, la sculpture, l’animation, la simulation, le rendu, le compositing et le montage vidéo.',
  description_en:
    'Blender is a 3D creation suite developed by the Blender Foundation and its community. ' +
    'It covers modelling, sculpting, animation, simulation, rendering, compositing and video editing.',
  licence: {
    status: 'met',
    evidence: 'https://www.blender.org/about/license/',
    note_fr: 'Code source sous GPL-2.0-or-later par défaut ; binaires distribués sous GPL-3.0-or-later.',
    note_en: 'Source code under GPL-2.0-or-later by default; binaries distributed under GPL-3.0-or-later.',
  },
};

const MAINTAINER_LANG = 'en';
const REVIEWER_LANG = 'fr';

/** The title of a criterion in `lang`, from its file in registry-data/criteria. */
function criterionTitle(id, lang) {
  const text = readFileSync(path.join(REPO_ROOT, 'registry-data', 'criteria', `${id}.toml`), 'utf8');
  const m = new RegExp(`\\[title\\][^\\[]*?\\n${lang} = "([^"]+)"`).exec(text);
  if (!m) throw new Error(`criteria/${id}.toml: no title in ${lang}`);
  return m[1];
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form control by its label, with or without the "(required)" mark after it. */
function byLabel(scope, lang, key) {
  const label = ftl(lang, key);
  return scope.getByLabel(new RegExp(`^${escape(label)}(\\s*\\(${escape(ftl(lang, 'form-required'))}\\))?$`));
}

/** Clicks `button` of a form and waits for the page it ends on; returns that page's response. */
async function send(page, button) {
  const final = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && ![301, 302, 303].includes(r.status()),
  );
  await button.click();
  const res = await final;
  await page.waitForLoadState('load');
  return res;
}

/** What the page's error summary says, if it has one (for failure messages). */
async function errorsOf(page) {
  const summary = page.locator('#error-summary, [role=alert]');
  return (await summary.count()) ? (await summary.allInnerTexts()).join('\n') : '(no error summary)';
}

/**
 * Logs in with the test provider from the login page the browser is on: clicks the provider's
 * link, signs in on the provider's own page, and waits to be back on the registry at `back`.
 */
async function logInWithProvider(page, { lang, username, provider, back }) {
  const user = fixtureUser(username);
  const link = page.getByRole('link', { name: ftl(lang, 'login-with').replace('{ $provider }', PROVIDER_NAME) });
  await Promise.all([
    page.waitForURL((u) => u.origin === provider.issuer && u.pathname.startsWith('/interaction/')),
    link.click(),
  ]);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await Promise.all([page.waitForURL(back, { waitUntil: 'load' }), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** GET /api/v1/me with the cookies of `context`: the account, or null when logged out. */
async function me(context, server) {
  const res = await context.request.get(server.url('/api/v1/me'));
  return res.ok() ? res.json() : null;
}

describe(`the review workflow in a browser, with a real OpenID Connect provider (${BACKEND})`, { timeout: 600_000 }, () => {
  let provider;
  let server;
  let browser;
  let configDir;
  let failed = false;
  const people = {};
  let submission; // path of the submission page, e.g. /en/submissions/1

  /** Runs a step; on a failure, prints the logs of the server and the provider. */
  const step = (name, fn) =>
    it(name, async () => {
      assert.ok(!failed, 'an earlier step failed');
      try {
        await fn();
      } catch (e) {
        failed = true;
        process.stderr.write(`\n---- floss-registry serve log (${BACKEND}) ----\n${server?.log.join('\n') ?? '(not started)'}\n`);
        process.stderr.write(`---- OIDC provider log ----\n${provider?.log.join('\n') ?? '(not started)'}\n----\n`);
        throw e;
      }
    });

  before(async () => {
    provider = await startProvider();
    configDir = mkdtempSync(path.join(os.tmpdir(), 'floss-web-e2e-'));
    const config = writeRegistryConfig(path.join(configDir, 'registry.toml'), provider.issuer);
    server = await startServer({ config, env: DATABASE_URL ? { DATABASE_URL } : {} });
    browser = await launchBrowser();
    // Two people, two browsers' worth of state: each context has its own cookie jar.
    for (const who of ['maintainer', 'reviewer']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      context.setDefaultTimeout(30_000);
      people[who] = { context, page: await context.newPage() };
    }
  });

  after(async () => {
    for (const p of Object.values(people)) await p.context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
    await provider?.stop();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  step('the entry is not in the catalogue yet', async () => {
    assert.equal((await api(server, `/api/v1/search?q=${ENTRY.slug}`)).total, 0, `${ENTRY.slug} must be a new entry`);
    const res = await fetch(server.url(`/api/v1/entries/${ENTRY.slug}`));
    assert.equal(res.status, 404);
  });

  step('the maintainer logs in on the provider’s page and comes back to the submit form', async () => {
    const lang = MAINTAINER_LANG;
    const { page, context } = people.maintainer;
    // Anonymous: the submit page sends to the login page, which offers the provider.
    await page.goto(server.url(`/${lang}/submit`));
    assert.equal(new URL(page.url()).pathname, `/${lang}/login`, 'an anonymous visitor is sent to the login page');
    await logInWithProvider(page, { lang, username: 'maintainer', provider, back: server.url(`/${lang}/submit`) });
    const account = await me(context, server);
    assert.ok(account, 'logged in: /api/v1/me answers');
    assert.equal(account.display_name, fixtureUser('maintainer').name);
    assert.equal(account.role, 'submitter', 'no role rule matches project.example');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), ftl(lang, 'submit-title'));
  });

  step('the maintainer fills the form for a new entry and lands on the submission page', async () => {
    const lang = MAINTAINER_LANG;
    const { page } = people.maintainer;
    const form = page.locator('form.entry-form');
    await byLabel(form, lang, 'form-slug').fill(ENTRY.slug);
    await byLabel(form, lang, 'form-name').fill(ENTRY.name);
    await byLabel(form, lang, 'entry-homepage').fill(ENTRY.homepage);
    await byLabel(form, lang, 'entry-repository').fill(ENTRY.repository);
    await byLabel(form, lang, 'entry-license').fill(ENTRY.license);
    for (const k of ENTRY.kinds) await form.getByRole('checkbox', { name: ftl(lang, `kind-${k}`), exact: true }).check();
    for (const p of ENTRY.platforms) await form.getByRole('checkbox', { name: ftl(lang, `platform-${p}`), exact: true }).check();
    const categories = await api(server, '/api/v1/categories');
    for (const id of ENTRY.categories) {
      const category = categories.find((c) => c.id === id);
      assert.ok(category, `category ${id} is in the catalogue`);
      await form.getByRole('checkbox', { name: category.name[lang], exact: true }).check();
    }
    await byLabel(form, lang, 'form-summary-fr').fill(ENTRY.summary_fr);
    await byLabel(form, lang, 'form-summary-en').fill(ENTRY.summary_en);
    await byLabel(form, lang, 'form-description-fr').fill(ENTRY.description_fr);
    await byLabel(form, lang, 'form-description-en').fill(ENTRY.description_en);
    // The one criterion shown by a public source; every other one stays "Not established".
    const licence = form.getByRole('group', { name: criterionTitle('licence', lang) });
    await byLabel(licence, lang, 'form-status').selectOption(ENTRY.licence.status);
    await byLabel(licence, lang, 'form-evidence').fill(ENTRY.licence.evidence);
    await byLabel(licence, lang, 'form-note-fr').fill(ENTRY.licence.note_fr);
    await byLabel(licence, lang, 'form-note-en').fill(ENTRY.licence.note_en);
    const statuses = await form.getByLabel(ftl(lang, 'form-status'), { exact: true }).evaluateAll((all) => all.map((el) => el.value));
    assert.equal(statuses.filter((v) => v === 'unknown').length, statuses.length - 1, 'every other criterion is left not established');

    const res = await send(page, form.getByRole('button', { name: ftl(lang, 'submit-send') }));
    assert.equal(res.status(), 200, `the submission is accepted; the page says:\n${await errorsOf(page)}`);
    const where = new URL(page.url()).pathname;
    assert.match(where, new RegExp(`^/${lang}/submissions/\\d+$`), 'a submission leads to its page');
    submission = where;
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(ftl(lang, 'state-open')), 'the submission awaits review');
    assert.ok(main.includes(ftl(lang, 'submission-validator-clean')), `the validator found no problem:\n${main}`);
    assert.ok(main.includes(ENTRY.slug));

    // Not searchable before a reviewer's decision.
    assert.equal((await api(server, `/api/v1/search?q=${ENTRY.slug}`)).total, 0, 'not searchable before the decision');
  });

  step('the maintainer cannot decide on their own submission', async () => {
    const lang = MAINTAINER_LANG;
    const { page, context } = people.maintainer;
    assert.equal(await page.locator('form[action$="/decision"]').count(), 0, 'no decision form for the author');
    assert.equal(await page.getByRole('radio', { name: ftl(lang, 'decision-approve'), exact: true }).count(), 0, 'no way to approve');
    // A decision posted anyway, from the page with the session's own CSRF token (as a reviewer's
    // form would post it), is refused and changes nothing.
    const csrf = await page.locator('form[action$="/comments"] input[name=csrf]').inputValue();
    await page.evaluate(({ action, fields }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      form.id = 'forged-decision';
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
      const button = document.createElement('button');
      button.type = 'submit';
      button.textContent = 'approve';
      form.append(button);
      document.querySelector('main').append(form);
    }, { action: `${submission}/decision`, fields: { csrf, decision: 'approve', reason: 'My own work is fine.' } });
    const forged = await send(page, page.locator('#forged-decision button'));
    assert.equal(forged.status(), 403, 'the author may not approve');
    assert.equal(await me(context, server).then((a) => a?.role), 'submitter', 'still logged in: refused for the role, not the token');
    await goto(page, server, submission);
    assert.ok((await page.locator('main').innerText()).includes(ftl(lang, 'state-open')), 'still awaiting review');
  });

  step('the maintainer logs out', async () => {
    const lang = MAINTAINER_LANG;
    const { page, context } = people.maintainer;
    await goto(page, server, `/${lang}/account`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/${lang}/`, { waitUntil: 'load' }),
      page.getByRole('button', { name: ftl(lang, 'account-logout-button'), exact: true }).click(),
    ]);
    assert.equal(await me(context, server), null, 'the session is over');
    await page.goto(server.url(`/${lang}/submit`));
    assert.equal(new URL(page.url()).pathname, `/${lang}/login`, 'the submit page asks to log in again');
  });

  step('the reviewer logs in and finds the submission in the review queue', async () => {
    const lang = REVIEWER_LANG;
    const { page, context } = people.reviewer;
    await page.goto(server.url(`/${lang}/review`));
    assert.equal(new URL(page.url()).pathname, `/${lang}/login`);
    await logInWithProvider(page, { lang, username: 'reviewer', provider, back: server.url(`/${lang}/review`) });
    const account = await me(context, server);
    assert.equal(account?.role, 'reviewer', 'reviewer by the verified address in cnil.example');
    const id = submission.split('/').pop();
    const link = page.getByRole('link', { name: `#${id} ${ENTRY.slug}`, exact: true });
    await Promise.all([page.waitForURL(server.url(`/${lang}/submissions/${id}`), { waitUntil: 'load' }), link.click()]);
  });

  step('the reviewer fills the checklist and approves', async () => {
    const lang = REVIEWER_LANG;
    const { page } = people.reviewer;
    const form = page.locator('form[action$="/decision"]');
    assert.equal(await form.count(), 1, 'the reviewer has the decision form');
    // One row per criterion that applies to a desktop application; the reviewer confirms the
    // applicant's status on each (a verdict of "unknown" stays "not established").
    const verdicts = await form.getByLabel(ftl(lang, 'review-verdict-status'), { exact: true }).all();
    assert.ok(verdicts.length > 5, `a checklist row per applicable criterion (${verdicts.length})`);
    for (const select of verdicts) {
      const given = await select.evaluate((el) => {
        const status = el.closest('fieldset').querySelector('.status');
        return [...status.classList].find((c) => c.startsWith('status-')).slice('status-'.length);
      });
      await select.selectOption(given);
    }
    const licence = form.getByRole('group', { name: criterionTitle('licence', lang) });
    assert.equal(await licence.getByLabel(ftl(lang, 'review-verdict-status'), { exact: true }).inputValue(), 'met');
    assert.equal(await licence.getByLabel(ftl(lang, 'form-evidence'), { exact: true }).inputValue(), ENTRY.licence.evidence, 'the evidence starts as the applicant’s');
    await form.getByRole('radio', { name: ftl(lang, 'decision-approve'), exact: true }).check();
    await form.getByLabel(ftl(lang, 'review-reason'), { exact: true }).fill(
      'Licence vérifiée sur blender.org ; les autres critères restent non établis. Licence checked on blender.org; the other criteria stay not established.',
    );
    const res = await send(page, form.getByRole('button', { name: ftl(lang, 'review-send') }));
    assert.equal(res.status(), 200, `the decision is recorded; the page says:\n${await errorsOf(page)}`);
    const id = submission.split('/').pop();
    assert.equal(new URL(page.url()).pathname, `/${lang}/submissions/${id}`);
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(ftl(lang, 'state-approved')), 'the submission is approved');
    assert.ok(main.includes(fixtureUser('reviewer').name), 'the decision names the reviewer');
  });

  step('the search page and the search API find the new entry, validated', async () => {
    const lang = MAINTAINER_LANG;
    const found = await api(server, `/api/v1/search?q=${ENTRY.slug}`);
    assert.equal(found.hits?.[0]?.slug, ENTRY.slug, `the API finds it: ${JSON.stringify(found)}`);
    const entry = await api(server, `/api/v1/entries/${ENTRY.slug}`);
    assert.equal(entry.review.status, 'validated');
    assert.equal(entry.review.by, fixtureUser('reviewer').name);
    assert.equal(entry.license, ENTRY.license);

    // A visitor (the maintainer, logged out) searches on the site.
    const { page } = people.maintainer;
    await goto(page, server, `/${lang}/search?q=${ENTRY.name}`);
    const result = page.locator('main').getByRole('link', { name: ENTRY.name, exact: true }).first();
    assert.equal(await result.getAttribute('href'), `/${lang}/entries/${ENTRY.slug}`, 'the search page links to the entry');
    await Promise.all([page.waitForURL(server.url(`/${lang}/entries/${ENTRY.slug}`), { waitUntil: 'load' }), result.click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), ENTRY.name);
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(ftl(lang, 'review-validated')), 'the entry page says it is validated');
    assert.ok(main.includes(fixtureUser('reviewer').name), 'and by whom');
    assert.ok(main.includes(ENTRY.license));
  });
});
