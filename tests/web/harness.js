// The harness of the browser tests: the real `floss-registry serve` on a loopback port with a
// fresh state directory, Debian's Chromium driven by playwright-core (never a downloaded
// browser), and the helpers the test files share.
//
// Environment (all optional):
//   FLOSS_WEB_BIN        the binary to serve (default: the newest of debug/ and release/ under
//                        $CARGO_TARGET_DIR, itself defaulting to ~/.cache/floss-registry-target)
//   FLOSS_WEB_CHROMIUM   the browser (default /usr/bin/chromium)
//   FLOSS_WEB_ARTIFACTS  where screenshots go (default tests/artifacts at the repository root)
//
// The server never inherits FLOSS_REGISTRY_* nor DATABASE_URL from the environment: it runs on
// SQLite in its state directory unless a test passes `env: { DATABASE_URL }` to startServer.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const ARTIFACTS = process.env.FLOSS_WEB_ARTIFACTS || path.join(REPO_ROOT, 'tests', 'artifacts');
export const CHROMIUM = process.env.FLOSS_WEB_CHROMIUM || '/usr/bin/chromium';
export const LANGS = ['fr', 'en'];

/** Flags that keep Chromium off the network (the machine has none) and quiet. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// ---------------------------------------------------------------------------------------------
// The server

function binaryPath() {
  if (process.env.FLOSS_WEB_BIN) return process.env.FLOSS_WEB_BIN;
  const target = process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'floss-registry-target');
  const built = ['debug', 'release']
    .map((profile) => path.join(target, profile, 'floss-registry'))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (built.length === 0) {
    throw new Error(`no floss-registry binary under ${target}/{debug,release}: run \`cargo build --locked\` first (or set FLOSS_WEB_BIN)`);
  }
  return built[0];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const ANSI = /\x1b\[[0-9;]*m/g;
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `floss-registry serve` from the repository root on a free loopback port with an empty
 * state directory, and waits until `/healthz` answers. The port is chosen before the start (not
 * `--bind 127.0.0.1:0`) so that the server's default public URL, used in its links, is the
 * address the browser really visits.
 *
 * Options (all optional):
 *   config  a TOML config file, passed as `--config FILE` (login providers, roles...)
 *   env     extra environment variables of the server, e.g. `{ DATABASE_URL: 'postgres://…' }`
 */
export async function startServer({ config, env = {} } = {}) {
  const bin = binaryPath();
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(bin, await freePort(), { config, extraEnv: env });
    } catch (e) {
      lastError = e;
      if (!/address (already )?in use/i.test(String(e.message))) break;
    }
  }
  throw lastError;
}

async function startOnce(bin, port, { config, extraEnv }) {
  const state = mkdtempSync(path.join(os.tmpdir(), 'floss-web-state-'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('FLOSS_REGISTRY_') && k !== 'DATABASE_URL'),
  );
  env.RUST_LOG = 'info';
  Object.assign(env, extraEnv);
  const args = ['serve', '--data', path.join(REPO_ROOT, 'registry-data'), '--state', state, '--bind', `127.0.0.1:${port}`];
  if (config) args.push('--config', config);
  const child = spawn(bin, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  const log = [];
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    running.delete(child);
  });
  let buffered = '';
  let onListening;
  const listening = new Promise((resolve) => (onListening = resolve));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).replace(ANSI, '');
      buffered = buffered.slice(nl + 1);
      log.push(line);
      const m = /listening on http:\/\/(\S+)/.exec(line);
      if (m) onListening(m[1]);
    }
  });

  const stop = async () => {
    if (exited === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(state, { recursive: true, force: true });
  };

  const deadline = Date.now() + 180_000;
  const died = () => new Error(`floss-registry serve exited (${JSON.stringify(exited)}) before answering:\n${log.join('\n')}`);
  const addr = await Promise.race([
    listening,
    new Promise((_, reject) => {
      const tick = setInterval(() => {
        if (exited !== null) {
          clearInterval(tick);
          reject(died());
        } else if (Date.now() > deadline) {
          clearInterval(tick);
          reject(new Error(`floss-registry serve did not start listening in time:\n${log.join('\n')}`));
        }
      }, 100);
      listening.then(() => clearInterval(tick));
    }),
  ]).catch(async (e) => {
    await stop();
    throw e;
  });

  const origin = `http://${addr}`;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw died();
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${origin}/healthz never answered 200:\n${log.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, log, state, stop, url: (p) => new URL(p, origin).href };
}

/** GET a JSON document of the API. */
export async function api(server, p) {
  const res = await fetch(server.url(p));
  if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
  return res.json();
}

// ---------------------------------------------------------------------------------------------
// The browser

/**
 * Launches Debian's Chromium. playwright-core gives every launch a new empty profile
 * (`--user-data-dir` in a fresh temporary directory, removed at close), so no state is shared
 * between runs.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (scripts/test does it)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * Server and browser for one test file: `const env = await setup()` in `before`; `options` go
 * to startServer.
 */
export async function setup(options) {
  try {
    return await setupOnce(options);
  } catch (e) {
    // One more attempt: on a loaded two-core CI machine a launch can miss its deadline once
    // (CI lost a whole suite to it). The first failure is printed in full so that a second
    // one can be told apart from it.
    console.error(`# setup failed once, trying again: ${e.stack || e}`);
    return setupOnce(options);
  }
}

async function setupOnce(options) {
  const server = await startServer(options);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    server,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

/** Opens `p` in a new page of `context`; asserts the HTTP status (200 unless told). */
export async function open(context, server, p, { status = 200 } = {}) {
  const page = await context.newPage();
  await goto(page, server, p, { status });
  return page;
}

export async function goto(page, server, p, { status = 200 } = {}) {
  const res = await page.goto(server.url(p), { waitUntil: 'load' });
  if (!res) throw new Error(`${p}: no response`);
  if (res.status() !== status) {
    throw new Error(`${p}: HTTP ${res.status()}, expected ${status}`);
  }
  return res;
}

/** Path and query of a page's URL, e.g. `/fr/search?q=x`. */
export function pathOf(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

// ---------------------------------------------------------------------------------------------
// The interface text: simple one-line Fluent messages of i18n/{lang}/main.ftl

const ftlCache = new Map();
export function ftl(lang, key) {
  if (!ftlCache.has(lang)) {
    const map = new Map();
    const text = readFileSync(path.join(REPO_ROOT, 'i18n', lang, 'main.ftl'), 'utf8');
    for (const line of text.split('\n')) {
      const m = /^([a-z][a-z0-9-]*)\s*=\s*(.+)$/.exec(line);
      if (m) map.set(m[1], m[2].trim());
    }
    ftlCache.set(lang, map);
  }
  const value = ftlCache.get(lang).get(key);
  if (value === undefined) throw new Error(`i18n/${lang}/main.ftl has no one-line message ${key}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// The page types (paths fixed in ARCHITECTURE.md and issue 4)

export const QUERY = { fr: 'chiffrement', en: 'encryption' };
export const NO_RESULTS_QUERY = 'zqxjvwk';

/** Every page type of the site, as a function of the language. */
export const PAGE_TYPES = [
  { id: 'home', path: (l) => `/${l}/` },
  { id: 'search', path: (l) => `/${l}/search?q=${QUERY[l]}` },
  { id: 'search-filtered', path: (l) => `/${l}/search?q=${QUERY[l]}&platform=linux` },
  { id: 'search-no-results', path: (l) => `/${l}/search?q=${NO_RESULTS_QUERY}` },
  { id: 'entry', path: (l) => `/${l}/entries/signal` },
  { id: 'alternatives', path: (l) => `/${l}/alternatives/whatsapp` },
  { id: 'compare', path: (l) => `/${l}/compare?e=signal&e=element` },
  { id: 'criteria', path: (l) => `/${l}/criteria` },
  { id: 'observatory', path: (l) => `/${l}/observatory` },
  { id: 'decisions', path: (l) => `/${l}/decisions` },
  { id: 'login', path: (l) => `/${l}/login?next=%2F${l}%2Fsubmit` },
  { id: 'privacy', path: (l) => `/${l}/privacy` },
  { id: 'about', path: (l) => `/${l}/about` },
  { id: '404', path: (l) => `/${l}/no-such-page`, status: 404 },
];

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const axeSource = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
