// Accessibility: an axe-core audit with zero violations on every page type, in French and in
// English, in the light and the dark colour scheme (contrast is checked in both), plus what axe
// cannot see: the `lang` of the page, and a keyboard visitor's first Tab reaching a visible
// skip link to the main content.
//
// axe runs with its default rule set (WCAG 2.0/2.1/2.2 A and AA and best practices); a result
// axe marks "incomplete" (needs a human) is not a violation.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, PAGE_TYPES, axeSource, goto, setup } from './harness.js';
import { isVisible } from './helpers.js';

/** One line per failing element: page, rule, impact, what to fix, where. */
function report(where, violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => {
          const related = [...n.any, ...n.all, ...n.none]
            .flatMap((c) => c.relatedNodes ?? [])
            .map((r) => `${r.target.join(' ')}  ${r.html.replace(/\s+/g, ' ').slice(0, 120)}`);
          const rel = related.length ? `\n        related: ${[...new Set(related)].slice(0, 4).join('\n                 ')}` : '';
          return `      at ${n.target.join(' ')}  ${n.html.replace(/\s+/g, ' ').slice(0, 160)}\n        ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}${rel}`;
        })
        .join('\n');
      const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more elements` : '';
      return `  ${where}: axe rule "${v.id}" (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

describe('accessibility (axe-core)', { timeout: 600_000 }, () => {
  let env;
  const source = axeSource();
  before(async () => {
    env = await setup();
  });
  after(async () => {
    await env?.close();
  });

  for (const scheme of ['light', 'dark']) {
    for (const lang of LANGS) {
      describe(`${lang}, ${scheme} scheme`, () => {
        let context;
        let page;
        before(async () => {
          // bypassCSP is for this audit only: the site's Content-Security-Policy rightly forbids
          // the inline script that injects axe-core. The privacy tests run without it and check
          // that policy; nothing here depends on it being lifted except the injection.
          context = await env.browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width: 1280, height: 800 } });
          context.setDefaultTimeout(30_000);
          page = await context.newPage();
        });
        after(async () => {
          await context?.close();
        });

        for (const t of PAGE_TYPES) {
          const p = t.path(lang);
          it(`${p} has no axe violation`, async () => {
            await goto(page, env.server, p, { status: t.status ?? 200 });
            assert.equal(await page.locator('html').getAttribute('lang'), lang, `${p}: <html lang> is not "${lang}"`);
            await page.addScriptTag({ content: source });
            const result = await page.evaluate(async () => {
              // Closed <details> hide content from axe's colour checks: open them all.
              for (const d of document.querySelectorAll('details')) d.open = true;
              // eslint-disable-next-line no-undef
              return axe.run(document, { resultTypes: ['violations'] });
            });
            const violations = result.violations;
            assert.equal(violations.length, 0, `\n${report(`${p} [${scheme}]`, violations)}`);
          });
        }
      });
    }
  }

  for (const lang of LANGS) {
    it(`${lang}: the first Tab reaches a visible skip link to the main content`, async () => {
      const context = await env.browser.newContext();
      const page = await context.newPage();
      const p = `/${lang}/search?q=signal`;
      await goto(page, env.server, p);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const href = el?.getAttribute?.('href') ?? '';
        const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
        const s = el ? getComputedStyle(el) : null;
        return {
          tag: el?.localName,
          href,
          targetIsMain: !!target && (target.localName === 'main' || target.getAttribute('role') === 'main' || !!target.closest('main')),
          outline: s ? `${s.outlineStyle} ${s.outlineWidth} | ${s.boxShadow}` : '',
        };
      });
      assert.equal(focused.tag, 'a', `${p}: the first Tab focuses <${focused.tag}>, not the skip link`);
      assert.ok(focused.targetIsMain, `${p}: the first link (${focused.href}) does not lead to <main>`);
      assert.ok(await isVisible(page.locator(':focus')), `${p}: the focused skip link is not visible`);
      assert.ok(!/^none 0px \| none$/.test(focused.outline), `${p}: the focused skip link has no focus outline (${focused.outline})`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash !== '');
      assert.ok(await page.evaluate(() => !!document.activeElement.closest('main') || document.activeElement.localName === 'main'), `${p}: after the skip link, focus is not in <main>`);
      await context.close();
    });
  }
});
