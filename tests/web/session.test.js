// The pages behind a login, in a real browser: a submitter's form (errors next to the fields,
// the error summary focused, everything typed kept), a submission, a reviewer's queue, checklist
// and decision (a reason required to ask for changes), the public decision, the account and the
// administration page — each one audited by axe-core in the light and the dark scheme.
//
// Sessions are opened in the server's database (sessions.js), which needs the `sqlite3`
// command; without it this file is skipped and says why.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, axeSource, ftl, goto, setup } from './harness.js';
import { haveSqlite, logIn } from './sessions.js';

const source = axeSource();

/** axe-core on the page as it is, in both colour schemes; no violation allowed. */
async function audit(page, where) {
  await page.addScriptTag({ content: source });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const result = await page.evaluate(async () => {
      for (const d of document.querySelectorAll('details')) d.open = true;
      // eslint-disable-next-line no-undef
      return axe.run(document, { resultTypes: ['violations'] });
    });
    const lines = result.violations.map((v) => {
      const at = v.nodes.slice(0, 5).map((n) => `      at ${n.target.join(' ')}  ${n.html.replace(/\s+/g, ' ').slice(0, 160)}\n        ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`);
      return `  ${where} [${colorScheme}]: axe rule "${v.id}" (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${at.join('\n')}`;
    });
    assert.equal(result.violations.length, 0, `\n${lines.join('\n')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Clicks a form's button and waits for the page it leads to; returns that page's response. */
async function send(page, button) {
  const navigated = page.waitForEvent('framenavigated', (f) => f === page.mainFrame());
  const final = page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && ![301, 302, 303].includes(r.status()));
  await button.click();
  const res = await final;
  await navigated;
  await page.waitForLoadState('load');
  return res;
}

const path = (page) => new URL(page.url()).pathname;

describe('pages of a session', { timeout: 600_000, skip: haveSqlite() ? false : 'needs the sqlite3 command (Debian package sqlite3) to open sessions' }, () => {
  let env;
  const people = {};
  const submissions = {};

  before(async () => {
    env = await setup();
    for (const lang of LANGS) {
      for (const [who, role] of [['sam', 'submitter'], ['rita', 'reviewer'], ['ada', 'admin']]) {
        // bypassCSP: only for injecting axe-core (privacy.test.js checks the real policy).
        const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
        context.setDefaultTimeout(30_000);
        await logIn(env.server, context, { name: `${who}-${lang}`, role });
        people[`${who}-${lang}`] = { context, page: await context.newPage() };
      }
    }
  });
  after(async () => {
    for (const p of Object.values(people)) await p.context.close().catch(() => {});
    await env?.close();
  });

  for (const lang of LANGS) {
    it(`${lang}: a submitter's form comes back with its errors next to the fields, then a change is submitted`, async () => {
      const { page } = people[`sam-${lang}`];
      await goto(page, env.server, `/${lang}/submit`);
      await audit(page, `/${lang}/submit`);
      assert.equal(await page.locator('form.entry-form input[name=csrf]').count(), 1, 'the form carries its CSRF token');

      await page.fill('#f-name', 'Logiciel de test');
      await page.fill('#f-homepage', 'http://not secure');
      await page.check('#f-kinds-web');
      await page.fill('#f-a-e2ee-evidence', 'https://evidence.example/typed');
      const res = await send(page, page.locator('form.entry-form button[type=submit]'));
      assert.equal(res.status(), 422, 'an invalid entry is refused with 422');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the error summary has the focus');
      assert.ok((await page.title()).startsWith(ftl(lang, 'form-title-with-errors').split('{')[0].trim()), 'the title says there are errors');
      assert.equal(await page.inputValue('#f-name'), 'Logiciel de test', 'what was typed is kept');
      assert.equal(await page.inputValue('#f-homepage'), 'http://not secure');
      assert.ok(await page.isChecked('#f-kinds-web'));
      assert.equal(await page.inputValue('#f-a-e2ee-evidence'), 'https://evidence.example/typed');
      // Each summary link leads to a field that names its error.
      const targets = await page.locator('#error-summary a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href').slice(1)));
      assert.ok(targets.length > 0, 'the summary links to the fields');
      for (const id of targets) {
        const described = await page.locator(`[id="${id}"]`).evaluate((el) => {
          const group = el.closest('fieldset.choices') ?? el;
          return `${el.getAttribute('aria-describedby') ?? ''} ${group.getAttribute('aria-describedby') ?? ''}`;
        });
        assert.match(described, /-error\b/, `#${id}: its error is not named by aria-describedby`);
      }
      await audit(page, `/${lang}/submit (with errors)`);

      await goto(page, env.server, `/${lang}/submit?slug=signal`);
      assert.equal(await page.inputValue('#f-slug'), 'signal', 'the change form is pre-filled');
      const sent = await send(page, page.locator('form.entry-form button[type=submit]'));
      assert.equal(sent.status(), 200);
      assert.match(path(page), new RegExp(`^/${lang}/submissions/\\d+$`), 'a submission leads to its page');
      submissions[lang] = path(page);
      await audit(page, submissions[lang]);
      assert.ok((await page.locator('main').innerText()).includes(ftl(lang, 'state-open')), 'the submission awaits review');
    });

    it(`${lang}: a reviewer finds it in the queue, must give a reason to ask for changes, and the decision is public`, async () => {
      const { page } = people[`rita-${lang}`];
      const sub = submissions[lang];
      assert.ok(sub, 'the previous test made a submission');
      await goto(page, env.server, `/${lang}/review`);
      await audit(page, `/${lang}/review`);
      assert.equal(await page.locator(`main a[href="${sub}"]`).count(), 1, 'the submission is in the queue');

      await goto(page, env.server, sub);
      await audit(page, `${sub} (reviewer)`);
      const form = page.locator('form[action$="/decision"]');
      assert.equal(await form.count(), 1, 'the reviewer has the review form');
      await page.selectOption('#f-v-e2ee-status', 'met');
      await page.check('#decision-request-changes');
      const refused = await send(page, form.locator('button[type=submit]'));
      assert.equal(refused.status(), 422, 'no reason, no request for changes');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
      assert.equal(await page.inputValue('#f-v-e2ee-status'), 'met', 'the checklist is kept');
      assert.ok(await page.isChecked('#decision-request-changes'), 'the decision is kept');
      await audit(page, `${sub} (review with errors)`);

      await page.fill('#f-reason', 'Merci de citer l’audit. Please cite the audit.');
      const done = await send(page, page.locator('form[action$="/decision"] button[type=submit]'));
      assert.equal(done.status(), 200);
      assert.equal(path(page), sub);
      assert.ok((await page.locator('main').innerText()).includes(ftl(lang, 'state-changes-requested')));

      await goto(page, env.server, `/${lang}/decisions`);
      assert.ok((await page.locator('main').innerText()).includes('Please cite the audit.'), 'the decision and its reason are public');
      await audit(page, `/${lang}/decisions (with a decision)`);
    });

    it(`${lang}: the account and the administration pages`, async () => {
      const sam = people[`sam-${lang}`].page;
      await goto(sam, env.server, `/${lang}/account`);
      assert.equal(await sam.locator(`main a[href="${submissions[lang]}"]`).count(), 1, 'the account lists the submission');
      await audit(sam, `/${lang}/account`);
      await goto(sam, env.server, `/${lang}/admin`, { status: 403 });

      const ada = people[`ada-${lang}`].page;
      await goto(ada, env.server, `/${lang}/admin`);
      await audit(ada, `/${lang}/admin`);
      assert.ok(await ada.locator('main form[action$="/admin/role"] select[name=role]').count() >= 3, 'a role form per account');
    });
  }

  it('no page of a session scrolls sideways on a 320 px wide screen', async () => {
    const lang = LANGS[0];
    const visits = [
      ['sam', `/${lang}/submit`],
      ['sam', submissions[lang]],
      ['sam', `/${lang}/account`],
      ['rita', `/${lang}/review`],
      ['rita', submissions[lang]],
      ['ada', `/${lang}/admin`],
    ];
    for (const [who, p] of visits) {
      const { page } = people[`${who}-${lang}`];
      await page.setViewportSize({ width: 320, height: 700 });
      await goto(page, env.server, p);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${p} (${who}): ${scroll} px wide on a ${client} px screen`);
    }
  });
});
