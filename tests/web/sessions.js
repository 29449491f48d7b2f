// Sessions for the browser tests of the pages behind a login. The server these tests start has
// no login provider (the login itself is tested against a real OpenID Connect provider in
// tests/workflow.rs), so a test opens a session the way the server does after a login: an
// account row and a session row (the SHA-256 of a random token, and of its CSRF token) in the
// server's SQLite database, written with the `sqlite3` command-line tool; the browser then
// carries the token in the session cookie.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';

/** Whether the `sqlite3` command is there (Debian package `sqlite3`). */
export function haveSqlite() {
  return spawnSync('sqlite3', ['-version'], { stdio: 'ignore' }).status === 0;
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const sql = (text) => `'${String(text).replaceAll("'", "''")}'`;
const stamp = (date) => date.toISOString().replace('T', ' ').replace('Z', '+00:00');

/**
 * Creates an account (`role`: submitter, reviewer or admin) with a session of 12 hours in the
 * database of `server`, and puts the session cookie in `context`. Returns the account's name.
 */
export async function logIn(server, context, { name, role }) {
  const token = randomBytes(32).toString('hex');
  const csrf = createHash('sha256').update('floss-registry csrf\0').update(token).digest('hex');
  const now = new Date();
  const expires = new Date(now.getTime() + 12 * 3600 * 1000);
  const statements = `
INSERT INTO users (provider, subject, display_name, email, email_verified, role, created_at, last_login_at)
  VALUES ('browser-test', ${sql(`subject-${name}`)}, ${sql(name)}, NULL, 0, ${sql(role)}, ${sql(stamp(now))}, ${sql(stamp(now))});
INSERT INTO sessions (id, user_id, csrf_token_hash, created_at, expires_at, last_seen_at)
  VALUES (${sql(sha256(token))}, last_insert_rowid(), ${sql(sha256(csrf))}, ${sql(stamp(now))}, ${sql(stamp(expires))}, ${sql(stamp(now))});
`;
  execFileSync('sqlite3', ['-bail', path.join(server.state, 'registry.db')], { input: statements });
  // Plain http on loopback: the development cookie name, without the __Host- prefix.
  await context.addCookies([{ name: 'registry-session', value: token, url: server.origin }]);
  return name;
}
