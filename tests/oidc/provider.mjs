// A real OpenID Connect provider for the login tests: oidc-provider (a certified
// implementation) on 127.0.0.1, with the test-only clients and users of a JSON fixture.
// Only the login and consent pages are ours (oidc-provider leaves them to the host); the
// protocol (discovery, authorization, PKCE, token, ID token, userinfo, JWKS) is the package's.
//
//   node tests/oidc/provider.mjs [--port 0] [--config tests/oidc/fixture.json]
//                                [--redirect-uri URL]... [--conform-id-token-claims]
//                                [--ignore-stdin]
//
// Prints one line, {"issuer":"http://127.0.0.1:PORT"}, on stdout once listening; logs to
// stderr. Exits on SIGTERM, SIGINT, and when stdin closes (unless --ignore-stdin), so a test
// that dies never leaves it running. See README.md.

import * as crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import Provider, { errors } from 'oidc-provider';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const log = (...parts) => console.error('[oidc-provider]', ...parts);

// ---------------------------------------------------------------------------------------
// Command line and fixture

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    config: { type: 'string', default: path.join(HERE, 'fixture.json') },
    'redirect-uri': { type: 'string', multiple: true, default: [] },
    'conform-id-token-claims': { type: 'boolean', default: false },
    'ignore-stdin': { type: 'boolean', default: false },
  },
  strict: true,
});

const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  log(`--port must be a port number (0 = any free port), not ${JSON.stringify(args.port)}`);
  process.exit(2);
}
for (const uri of args['redirect-uri']) {
  if (!URL.canParse(uri)) {
    log(`--redirect-uri must be an absolute URL, not ${JSON.stringify(uri)}`);
    process.exit(2);
  }
}

const fixture = JSON.parse(readFileSync(args.config, 'utf8'));
if (!Array.isArray(fixture.clients) || typeof fixture.users !== 'object' || fixture.users === null) {
  log(`${args.config}: expected {"clients": [...], "users": {...}}`);
  process.exit(2);
}

// Clients: what the fixture says, plus the redirect URIs of the command line, with the
// settings every test client shares forced (authorization code with PKCE, ID token RS256).
const clients = fixture.clients.map((c) => ({
  ...c,
  redirect_uris: [...new Set([...(c.redirect_uris ?? []), ...args['redirect-uri']])],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: c.token_endpoint_auth_method ?? 'client_secret_basic',
  id_token_signed_response_alg: 'RS256',
}));

// Users, keyed by the username typed in the login form.
const users = new Map(Object.entries(fixture.users));
const usersBySub = new Map([...users.values()].map((u) => [u.sub, u]));
for (const [username, u] of users) {
  for (const field of ['sub', 'password', 'name', 'email', 'email_verified']) {
    if (u[field] === undefined) {
      log(`${args.config}: user ${username} has no ${field}`);
      process.exit(2);
    }
  }
}

async function findAccount(ctx, sub) {
  const user = usersBySub.get(sub);
  if (!user) return undefined;
  return {
    accountId: sub,
    // oidc-provider keeps only the claims the granted scopes allow (see `claims` below).
    async claims() {
      return {
        sub,
        name: user.name,
        email: user.email,
        email_verified: user.email_verified,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------
// HTTP server: our interaction pages first, everything else to oidc-provider

const server = http.createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', resolve);
});
const issuer = `http://127.0.0.1:${server.address().port}`;

// A signing key made at each start: nothing secret is committed, and no two runs share one.
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  alg: 'RS256',
  use: 'sig',
  kid: crypto.randomBytes(8).toString('hex'),
};

const provider = new Provider(issuer, {
  clients,
  findAccount,
  clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
  responseTypes: ['code'],
  scopes: ['openid', 'email', 'profile'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  // false: the ID token carries the claims of the granted scopes (name, email,
  // email_verified), as most providers do; --conform-id-token-claims keeps them in userinfo
  // only (OpenID Connect Core 5.4 read strictly), to test a client that calls userinfo.
  conformIdTokenClaims: args['conform-id-token-claims'],
  pkce: { required: () => true },
  jwks: { keys: [signingKey] },
  cookies: {
    // Cookies ignore ports: the registry on another 127.0.0.1 port shares this cookie jar.
    // Distinct names keep the two apart (README.md lists them).
    names: {
      session: 'oidc_op_session',
      interaction: 'oidc_op_interaction',
      resume: 'oidc_op_interaction_resume',
    },
    keys: [crypto.randomBytes(32).toString('base64url')],
  },
  routes: { authorization: '/authorize' },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  clientBasedCORS: () => false,
  // Short lifetimes: a test run is minutes long.
  ttl: {
    AccessToken: 10 * 60,
    AuthorizationCode: 60,
    IdToken: 10 * 60,
    Interaction: 10 * 60,
    Grant: 60 * 60,
    Session: 60 * 60,
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Error', `<h1>Error</h1>
<p>${esc(out.error)}${out.error_description ? `: ${esc(out.error_description)}` : ''}</p>`);
  },
});

provider.on('server_error', (ctx, err) => log('server_error', err));
provider.on('authorization.error', (ctx, err) => log('authorization.error', err.message, err.error_description ?? ''));
provider.on('grant.error', (ctx, err) => log('grant.error', err.message, err.error_description ?? ''));
provider.on('userinfo.error', (ctx, err) => log('userinfo.error', err.message, err.error_description ?? ''));

const providerCallback = provider.callback();

server.on('request', (req, res) => {
  res.on('finish', () => log(req.method, req.url, res.statusCode));
  const url = new URL(req.url, issuer);
  const route = url.pathname.match(/^\/interaction\/([^/]+)(?:\/(login|abort))?$/);
  if (!route) {
    providerCallback(req, res);
    return;
  }
  interaction(req, res, route[2] ?? 'show').catch((err) => {
    if (err instanceof errors.SessionNotFound || err instanceof errors.InvalidRequest) {
      send(res, 400, page('Error', `<h1>Error</h1>\n<p>${esc(err.message)}: ${esc(err.error_description ?? '')}</p>`));
    } else {
      log('interaction error', err);
      if (!res.headersSent) send(res, 500, page('Error', '<h1>Error</h1>\n<p>Internal error.</p>'));
    }
  });
});

// ---------------------------------------------------------------------------------------
// Interactions: login form, automatic consent

async function interaction(req, res, action) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params } = details;

  if (action === 'abort') {
    if (req.method !== 'POST') return send(res, 405, page('Error', '<h1>Method not allowed</h1>'), { allow: 'POST' });
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
    }, { mergeWithLastSubmission: false });
  }

  if (prompt.name === 'consent') {
    // Every client of the fixture is first-party: the scopes it asks for are granted without
    // a consent page (the provider still enforces that they are among openid email profile).
    if (action !== 'show') return send(res, 400, page('Error', '<h1>Error</h1>\n<p>Not a login step.</p>'));
    return grantConsent(req, res, details);
  }

  if (prompt.name !== 'login') {
    return send(res, 400, page('Error', `<h1>Error</h1>\n<p>Unsupported prompt ${esc(prompt.name)}.</p>`));
  }

  const client = await provider.Client.find(params.client_id);
  const clientName = client?.clientName ?? params.client_id;

  if (action === 'show') {
    if (req.method !== 'GET') return send(res, 405, page('Error', '<h1>Method not allowed</h1>'), { allow: 'GET' });
    return send(res, 200, loginPage(uid, clientName, params.login_hint ?? '', null));
  }

  // action === 'login'
  if (req.method !== 'POST') return send(res, 405, page('Error', '<h1>Method not allowed</h1>'), { allow: 'POST' });
  const form = new URLSearchParams(await readBody(req));
  const username = form.get('username') ?? '';
  const password = form.get('password') ?? '';
  const user = users.get(username);
  if (!user || !constantTimeEqual(user.password, password)) {
    log(`login failed for ${JSON.stringify(username)}`);
    return send(res, 401, loginPage(uid, clientName, username, 'Unknown username or wrong password.'));
  }
  log(`login ${username} (sub ${user.sub})`);
  return provider.interactionFinished(req, res, {
    login: { accountId: user.sub },
  }, { mergeWithLastSubmission: false });
}

async function grantConsent(req, res, details) {
  const { prompt: { details: missing }, params, session } = details;
  let grant;
  if (details.grantId) {
    grant = await provider.Grant.find(details.grantId);
  } else {
    grant = new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  }
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  if (missing.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  const grantId = await grant.save();
  log(`consent granted to ${params.client_id} for ${session.accountId}: ${params.scope}`);
  return provider.interactionFinished(req, res, {
    consent: details.grantId ? {} : { grantId },
  }, { mergeWithLastSubmission: true });
}

// ---------------------------------------------------------------------------------------
// Pages: plain HTML, no script, no external resource

function loginPage(uid, clientName, username, error) {
  const invalid = error ? ' aria-invalid="true" aria-describedby="error"' : '';
  return page('Sign in', `<h1>Sign in</h1>
<p>Test identity provider: sign in to continue to <strong>${esc(clientName)}</strong>.</p>
${error ? `<p id="error" role="alert" class="error">${esc(error)}</p>\n` : ''}<form method="post" action="/interaction/${esc(uid)}/login">
<p><label for="username">Username</label><br>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${esc(username)}"${invalid}${username ? '' : ' autofocus'}></p>
<p><label for="password">Password</label><br>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${username ? ' autofocus' : ''}></p>
<p><button type="submit">Sign in</button></p>
</form>
<form method="post" action="/interaction/${esc(uid)}/abort">
<p><button type="submit">Cancel</button></p>
</form>`);
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – test identity provider</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 30rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
input, button { font: inherit; padding: .4rem .6rem; }
.error { color: #a40000; font-weight: bold; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function send(res, status, html, headers = {}) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    ...headers,
  });
  res.end(html);
}

function esc(value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function constantTimeEqual(a, b) {
  const x = crypto.createHash('sha256').update(String(a)).digest();
  const y = crypto.createHash('sha256').update(String(b)).digest();
  return crypto.timingSafeEqual(x, y);
}

async function readBody(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 64 * 1024) throw new errors.InvalidRequest('request body too large');
  }
  return body;
}

// ---------------------------------------------------------------------------------------
// Ready, and the ways to stop

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
log(`listening: ${issuer} (clients: ${clients.map((c) => c.client_id).join(', ')}; users: ${[...users.keys()].join(', ')})`);

let stopping = false;
function stop(why) {
  if (stopping) return;
  stopping = true;
  log(`stopping (${why})`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
if (!args['ignore-stdin']) {
  process.stdin.on('end', () => stop('stdin closed'));
  process.stdin.on('error', () => stop('stdin error'));
  process.stdin.resume();
}
