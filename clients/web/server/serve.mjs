#!/usr/bin/env node
// Serves the built app (clients/web/dist) and, on the same origin, the three services (the services allow no other
// origin): /api/routine → routine-service, /api/session → session-service, /api/reminder → reminder-service.
// With LIMBER_DEV_LOGIN=1 (the default on loopback), POST /dev/token {"userId"} signs a patient token with the local
// stack's dev key: the dev login. Production serves dist/ from any static host behind the gateway, and signs in with
// OIDC instead (README).
//
//   node server/serve.mjs [--port 8090] [--host 127.0.0.1]
//   LIMBER_ROUTINE_URL, LIMBER_SESSION_URL, LIMBER_REMINDER_URL   default http://127.0.0.1:8081, :8082, :8083
//   JWT_ISSUER (or LIMBER_WEB_OIDC_ISSUER), LIMBER_WEB_OIDC_CLIENT_ID, LIMBER_WEB_OIDC_REDIRECT_URI: with all three the
//   app signs in with OIDC Authorization Code + PKCE (GET /config.json tells it so) and the dev login is off
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devToken, USER_ID } from './devtoken.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.PORT ?? 8090));
const host = arg('host', '127.0.0.1');
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
const oidc = {
  issuer: process.env.LIMBER_WEB_OIDC_ISSUER ?? process.env.JWT_ISSUER,
  clientId: process.env.LIMBER_WEB_OIDC_CLIENT_ID,
  redirectUri: process.env.LIMBER_WEB_OIDC_REDIRECT_URI,
};
const oidcOn = Boolean(oidc.issuer && oidc.clientId && oidc.redirectUri);
// never both: where the real provider signs people in, nobody may mint tokens with a local key
const devLogin = !oidcOn && (process.env.LIMBER_DEV_LOGIN ?? (host === '127.0.0.1' || host === 'localhost' ? '1' : '0')) === '1';
const upstreams = {
  routine: process.env.LIMBER_ROUTINE_URL ?? 'http://127.0.0.1:8081',
  session: process.env.LIMBER_SESSION_URL ?? 'http://127.0.0.1:8082',
  reminder: process.env.LIMBER_REMINDER_URL ?? 'http://127.0.0.1:8083',
};
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json', '.txt': 'text/plain',
};

function proxy(req, res, service, rest) {
  const target = new URL(rest || '/', upstreams[service]);
  const headers = { ...req.headers, host: target.host };
  delete headers.origin; // same origin from the browser's view; the services see a plain client
  delete headers.referer;
  const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ title: 'Bad gateway', status: 502, detail: `${service}-service: ${e.code ?? e.message}` }));
  });
  req.pipe(upstream);
}

function readBody(req) {
  return new Promise((ok, fail) => {
    let body = '';
    req.on('data', (c) => { body += c; if (body.length > 10_000) req.destroy(); });
    req.on('end', () => ok(body));
    req.on('error', fail);
  });
}

async function token(req, res) {
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (!devLogin) return send(404, { error: 'dev login is off (LIMBER_DEV_LOGIN=1 turns it on)' });
  if (req.method !== 'POST') return send(405, { error: 'POST {"userId": "..."}' });
  let userId;
  try { ({ userId } = JSON.parse(await readBody(req))); } catch { return send(400, { error: 'JSON body needed' }); }
  if (typeof userId !== 'string' || !USER_ID.test(userId)) {
    return send(400, { error: 'userId: 1–128 characters of A–Z a–z 0–9 . _ : -, starting with a letter or digit' });
  }
  try {
    return send(200, devToken(userId, 'patient')); // patients only: clinician and admin tokens stay on the command line
  } catch (e) {
    return send(503, { error: `no dev key (is deploy/local/run up?): ${e.code ?? e.message}` });
  }
}

function file(req, res, pathname) {
  let path = normalize(join(dist, decodeURIComponent(pathname)));
  if (!path.startsWith(dist)) { res.writeHead(403); return res.end(); }
  if (!existsSync(path) || statSync(path).isDirectory()) path = join(dist, 'index.html'); // one page, hash routes
  if (!existsSync(path)) { res.writeHead(500); return res.end('clients/web/dist is missing: npm run build'); }
  const headers = { 'content-type': types[extname(path)] ?? 'application/octet-stream' };
  headers['cache-control'] = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, headers);
  createReadStream(path).pipe(res);
}

const server = createServer((req, res) => {
  const { pathname, search } = new URL(req.url, 'http://app');
  const api = /^\/api\/(routine|session|reminder)(\/.*)?$/.exec(pathname);
  if (api) return proxy(req, res, api[1], (api[2] ?? '/') + search);
  if (pathname === '/dev/token') return token(req, res);
  if (pathname === '/config.json') { // how the app signs in: the browser cannot read this server's environment
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(JSON.stringify(oidcOn ? { signIn: 'oidc', oidc } : { signIn: 'dev' }));
  }
  return file(req, res, pathname);
});
server.listen(port, host, () => {
  console.log(`[web] Limber web app on http://${host}:${server.address().port}/ (${oidcOn ? `OIDC sign-in at ${oidc.issuer}` : `dev login ${devLogin ? 'on' : 'off'}`})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
