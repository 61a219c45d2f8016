// The app's server without the stack: dev tokens (signature, claims, refusals), the same-origin proxy, static files.
// Fast (no browser, no services): clients/web/check runs it before the heavy part.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { generateKeyPairSync, createVerify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const keys = mkdtempSync(join(tmpdir(), 'limber-web-keys-'));
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(join(keys, 'jwt-private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));

let upstream; // a fake service: echoes what it was asked
const seen = [];
const servers = [];

async function start(env) {
  const port = 18090 + servers.length;
  const child = spawn(process.execPath, [join(here, '../server/serve.mjs'), '--port', String(port)], {
    env: { ...process.env, LIMBER_KEYS: keys, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(child);
  await new Promise((ok) => child.stdout.once('data', ok));
  return `http://127.0.0.1:${port}`;
}

before(async () => {
  upstream = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, origin: req.headers.origin, authorization: req.headers.authorization });
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: req.url }));
  });
  await new Promise((ok) => upstream.listen(0, '127.0.0.1', ok));
});
after(() => {
  servers.forEach((s) => s.kill());
  upstream.close();
  rmSync(keys, { recursive: true, force: true });
});

test('dev login: a patient token signed with the stack key, the claims of deploy/local/token', async () => {
  const web = await start({});
  const r = await fetch(`${web}/dev/token`, { method: 'POST', body: JSON.stringify({ userId: 'u-42' }) });
  assert.equal(r.status, 200);
  const { token, expiresAt } = await r.json();
  const [header, claims, signature] = token.split('.');
  assert.ok(createVerify('RSA-SHA256').update(`${header}.${claims}`).verify(publicKey, Buffer.from(signature, 'base64url')));
  const c = JSON.parse(Buffer.from(claims, 'base64url').toString());
  assert.equal(JSON.parse(Buffer.from(header, 'base64url').toString()).alg, 'RS256');
  assert.deepEqual([c.iss, c.sub, c.upn, c.groups], ['https://limber.local/dev', 'u-42', 'u-42', ['patient']]);
  assert.equal(c.exp, expiresAt);
  assert.equal(c.exp - c.iat, 3600);

  for (const bad of ['', ' u', 'a b', '-x', 'x'.repeat(129), 42]) {
    const refused = await fetch(`${web}/dev/token`, { method: 'POST', body: JSON.stringify({ userId: bad }) });
    assert.equal(refused.status, 400, `userId ${JSON.stringify(bad)}`);
  }
  assert.equal((await fetch(`${web}/dev/token`)).status, 405);
  // clinician or admin tokens are never handed out over HTTP
  const sneaky = await (await fetch(`${web}/dev/token`, { method: 'POST', body: JSON.stringify({ userId: 'u-1', role: 'admin' }) })).json();
  assert.deepEqual(JSON.parse(Buffer.from(sneaky.token.split('.')[1], 'base64url').toString()).groups, ['patient']);
});

test('dev login off: 404', async () => {
  const web = await start({ LIMBER_DEV_LOGIN: '0' });
  assert.equal((await fetch(`${web}/dev/token`, { method: 'POST', body: '{"userId":"u-1"}' })).status, 404);
});

test('same origin: /api/{routine,session,reminder} go to the services, path and query kept, no Origin passed on', async () => {
  const base = `http://127.0.0.1:${upstream.address().port}`;
  const web = await start({ LIMBER_ROUTINE_URL: base, LIMBER_SESSION_URL: base, LIMBER_REMINDER_URL: base });
  seen.length = 0;
  const r = await fetch(`${web}/api/session/users/u-1/sessions?page=0&size=5`, {
    headers: { authorization: 'Bearer t', origin: 'http://evil.example' },
  });
  assert.equal(r.status, 202);
  await fetch(`${web}/api/routine/routines`);
  await fetch(`${web}/api/reminder/users/u-1/nudges`);
  await fetch(`${web}/api/session/events`, { method: 'POST', body: '{}' });
  assert.deepEqual(seen.map((s) => `${s.method} ${s.url}`), [
    'GET /users/u-1/sessions?page=0&size=5', 'GET /routines', 'GET /users/u-1/nudges', 'POST /events',
  ]);
  assert.equal(seen[0].authorization, 'Bearer t');
  assert.equal(seen[0].origin, undefined);
});

test('a service down: 502 as a problem, not a hang', async () => {
  const web = await start({ LIMBER_SESSION_URL: 'http://127.0.0.1:1' });
  const r = await fetch(`${web}/api/session/events`, { method: 'POST', body: '{}' });
  assert.equal(r.status, 502);
  assert.match((await r.json()).detail, /session-service/);
});

test('static: the app for unknown paths, nothing outside dist/', async () => {
  const web = await start({});
  const page = await fetch(`${web}/some/deep/link`);
  assert.ok(page.status === 200 || page.status === 500); // 500 only when dist/ was not built
  const escape = await fetch(`${web}/..%2f..%2fpackage.json`);
  assert.notEqual((await escape.text()).includes('"@limber/web"'), true);
});

test('sign-in configuration: dev login locally; OIDC (issuer, client, redirect) when configured, and then no dev login', async () => {
  const dev = await start({});
  assert.deepEqual(await (await fetch(`${dev}/config.json`)).json(), { signIn: 'dev' });
  const oidc = { issuer: 'https://auth.limber.internal/realms/limber', clientId: 'limber-web', redirectUri: 'https://app.limber.internal/' };
  const prod = await start({ JWT_ISSUER: oidc.issuer, LIMBER_WEB_OIDC_CLIENT_ID: oidc.clientId, LIMBER_WEB_OIDC_REDIRECT_URI: oidc.redirectUri });
  const answer = await fetch(`${prod}/config.json`);
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await answer.json(), { signIn: 'oidc', oidc });
  // even on loopback and asked for: nobody mints tokens with a local key where the real provider signs people in
  const forced = await start({ JWT_ISSUER: oidc.issuer, LIMBER_WEB_OIDC_CLIENT_ID: oidc.clientId,
    LIMBER_WEB_OIDC_REDIRECT_URI: oidc.redirectUri, LIMBER_DEV_LOGIN: '1' });
  assert.equal((await fetch(`${forced}/dev/token`, { method: 'POST', body: '{"userId":"u-1"}' })).status, 404);
});
