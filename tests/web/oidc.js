// The real OpenID Connect provider of the login tests (tests/oidc/provider.mjs: npm's
// oidc-provider with the users and clients of tests/oidc/fixture.json), for the browser tests
// that log in the way a person does, and the registry configuration that trusts it.

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './harness.js';

const OIDC_DIR = path.join(REPO_ROOT, 'tests', 'oidc');
const FIXTURE = JSON.parse(readFileSync(path.join(OIDC_DIR, 'fixture.json'), 'utf8'));

/** The id and display name of the provider in the registry's configuration. */
export const PROVIDER_ID = 'test-oidc';
export const PROVIDER_NAME = 'Test identity provider';

/** A user of the fixture (maintainer, reviewer, reviewer2, admin, unverified). */
export function fixtureUser(username) {
  const user = FIXTURE.users[username];
  if (!user) throw new Error(`tests/oidc/fixture.json has no user ${username}`);
  return { username, ...user };
}

/**
 * Starts tests/oidc/provider.mjs on a free loopback port and resolves once it prints its
 * issuer. Its stdin is a pipe held by this process: if the test process dies, the provider
 * stops too. `log` holds its stderr lines (requests, logins, errors).
 */
export async function startProvider() {
  const child = spawn(process.execPath, [path.join(OIDC_DIR, 'provider.mjs'), '--port', '0'], {
    cwd: OIDC_DIR,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const log = [];
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const lines = (stream, each) => {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffered += chunk;
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        each(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
      }
    });
  };
  lines(child.stderr, (line) => log.push(line));
  const issuer = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OIDC provider did not start in time:\n${log.join('\n')}`)), 60_000);
    lines(child.stdout, (line) => {
      try {
        const { issuer: url } = JSON.parse(line);
        clearTimeout(timer);
        resolve(url);
      } catch {
        log.push(`stdout: ${line}`);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the OIDC provider exited (${JSON.stringify(exited)}) before listening (did \`npm ci\` run in tests/oidc?):\n${log.join('\n')}`));
    });
  });
  return {
    issuer,
    log,
    async stop() {
      if (exited !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/**
 * Writes the registry's configuration for `issuer` to `file` and returns `file`: the fixture's
 * `floss-registry` client (its redirect URI accepts any loopback port), reviewers by verified
 * e-mail domain `cnil.example`, the admin by subject — as tests/workflow.rs configures it.
 */
export function writeRegistryConfig(file, issuer) {
  const client = FIXTURE.clients.find((c) => c.client_id === 'floss-registry');
  const q = JSON.stringify; // a JSON string is a valid TOML basic string for these values
  writeFileSync(
    file,
    `[[auth.providers]]
id = ${q(PROVIDER_ID)}
kind = "oidc"
name = ${q(PROVIDER_NAME)}
issuer = ${q(issuer)}
client_id = ${q(client.client_id)}
client_secret = ${q(client.client_secret)}

[[auth.roles]]
role = "reviewer"
provider = ${q(PROVIDER_ID)}
email_domain = "cnil.example"

[[auth.roles]]
role = "admin"
provider = ${q(PROVIDER_ID)}
subject = ${q(FIXTURE.users.admin.sub)}
`,
  );
  return file;
}
