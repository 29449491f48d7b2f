// Screenshots of every page type at desktop (1280×800) and mobile (390×844) widths, in both
// languages, written to tests/artifacts/screenshots/ (not committed; CI keeps them as
// artifacts), plus the home page in the dark scheme. At mobile widths, and at 320 px (the
// narrowest width issue 4 supports), the page must not scroll sideways: wide tables scroll
// inside their own box.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, LANGS, PAGE_TYPES, ensureDir, goto, setup } from './harness.js';

const SHOTS = path.join(ARTIFACTS, 'screenshots');
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, mobile: false },
  { name: 'mobile', viewport: { width: 390, height: 844 }, mobile: true },
];

/** Elements wider than the viewport that make the page itself scroll sideways. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return null;
    // The outermost elements sticking out, not counting content that scrolls inside its own box.
    const scrolls = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    const sticksOut = (el) => {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 1 || r.width === 0) return false;
      const position = getComputedStyle(el).position;
      if (position === 'fixed') return true;
      // An absolutely positioned element is clipped only by boxes at or above its containing block.
      let absolute = position === 'absolute';
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (absolute) {
          if (getComputedStyle(a).position === 'static') continue;
          absolute = false;
        }
        if (scrolls(a)) return false;
      }
      return true;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => sticksOut(el) && !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)))
      .slice(0, 5)
      .map((el) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`);
    return `page is ${document.documentElement.scrollWidth}px wide in a ${width}px viewport; widest: ${culprits.join(', ')}`;
  });
}

describe('screenshots and small screens', { timeout: 600_000 }, () => {
  let env;
  before(async () => {
    env = await setup();
    ensureDir(SHOTS);
  });
  after(async () => {
    await env?.close();
  });

  for (const size of SIZES) {
    it(`every page type at ${size.name} width (${size.viewport.width}×${size.viewport.height})`, async () => {
      const context = await env.browser.newContext({ viewport: size.viewport, isMobile: size.mobile, hasTouch: size.mobile, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const problems = [];
      for (const lang of LANGS) {
        for (const t of PAGE_TYPES) {
          const p = t.path(lang);
          await goto(page, env.server, p, { status: t.status ?? 200 });
          const file = path.join(SHOTS, `${lang}-${t.id}-${size.name}.png`);
          await page.screenshot({ path: file, fullPage: true });
          if (statSync(file).size < 1000) problems.push(`${p}: screenshot ${file} is empty`);
          if (size.mobile) {
            const o = await overflow(page);
            if (o) problems.push(`${p} at ${size.viewport.width}px: ${o}`);
          }
        }
      }
      await context.close();
      assert.deepEqual(problems, []);
    });
  }

  it('the home page in the dark colour scheme', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark', deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const lang of LANGS) {
      await goto(page, env.server, `/${lang}/`);
      await page.screenshot({ path: path.join(SHOTS, `${lang}-home-desktop-dark.png`), fullPage: true });
      const [background, dark] = await Promise.all([
        page.evaluate(() => getComputedStyle(document.body).backgroundColor),
        page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
      ]);
      assert.ok(dark, 'the dark scheme is emulated');
      const [r, g, b] = background.match(/\d+/g).map(Number);
      assert.ok(r + g + b < 3 * 128, `/${lang}/: the page background stays light (${background}) when the visitor prefers a dark scheme`);
    }
    await context.close();
  });

  it('no page scrolls sideways at 320 px', async () => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const problems = [];
    for (const lang of LANGS) {
      for (const t of PAGE_TYPES) {
        const p = t.path(lang);
        await goto(page, env.server, p, { status: t.status ?? 200 });
        const o = await overflow(page);
        if (o) problems.push(`${p} at 320px: ${o}`);
      }
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
});
