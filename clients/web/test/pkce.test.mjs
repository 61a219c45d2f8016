// The PKCE pieces of the production sign-in (src/pkce.js), on node's WebCrypto: the S256 challenge against RFC 7636's
// own example, the redirect's parameters, the callback's checks (state, error, code) and the token requests' forms,
// against a fake provider. No browser, no network.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accessTokenClaims, base64url, beginSignIn, codeChallenge, completeSignIn, discover, randomString, refresh,
} from '../src/pkce.js';

const ISSUER = 'https://auth.limber.internal/realms/limber';
const TOKEN_ENDPOINT = `${ISSUER}/protocol/openid-connect/token`;
const jwt = (claims) => `${base64url(new TextEncoder().encode('{"alg":"RS256"}'))}.${base64url(new TextEncoder().encode(JSON.stringify(claims)))}.sig`;

/** A fake token endpoint: records each form it was sent, answers with `answer`. */
function provider(answer, status = 200) {
  const forms = [];
  const fetchImpl = async (url, init) => {
    assert.equal(url, TOKEN_ENDPOINT);
    assert.equal(init.method, 'POST');
    assert.equal(init.headers['content-type'], 'application/x-www-form-urlencoded');
    forms.push(Object.fromEntries(new URLSearchParams(init.body)));
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  };
  return { forms, fetchImpl };
}

test('S256: the code challenge of RFC 7636 Appendix B', async () => {
  assert.equal(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('verifiers are 43 URL-safe characters from 32 random bytes, never twice the same; short or odd ones are refused', async () => {
  const a = randomString(32);
  const b = randomString(32);
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, b);
  await assert.rejects(codeChallenge('too-short'), /43–128 characters/);
  await assert.rejects(codeChallenge(`${'a'.repeat(43)} `), /43–128 characters/);
});

test('the redirect asks for a code with the S256 challenge of the verifier kept for the callback', async () => {
  const { url, pending } = await beginSignIn({
    authorizationEndpoint: `${ISSUER}/protocol/openid-connect/auth`, clientId: 'limber-web', redirectUri: 'https://app.limber.internal/',
  });
  const sent = new URL(url);
  assert.equal(sent.origin + sent.pathname, `${ISSUER}/protocol/openid-connect/auth`);
  const p = Object.fromEntries(sent.searchParams);
  assert.deepEqual(Object.keys(p).sort(), ['client_id', 'code_challenge', 'code_challenge_method', 'nonce', 'redirect_uri',
    'response_type', 'scope', 'state']);
  assert.equal(p.response_type, 'code');
  assert.equal(p.client_id, 'limber-web');
  assert.equal(p.redirect_uri, 'https://app.limber.internal/');
  assert.equal(p.scope, 'openid offline_access');
  assert.equal(p.code_challenge_method, 'S256');
  assert.equal(p.code_challenge, await codeChallenge(pending.verifier));
  assert.equal(p.state, pending.state);
  assert.ok(!url.includes(pending.verifier), 'the verifier itself never leaves the browser before the token request');
});

test('the callback exchanges the code with the verifier and reads whose token it is and until when', async () => {
  const { pending } = await beginSignIn({ authorizationEndpoint: `${ISSUER}/auth`, clientId: 'limber-web', redirectUri: 'https://app.limber.internal/' });
  const access = jwt({ iss: ISSUER, sub: 'u-42', upn: 'u-42', groups: ['patient'], exp: 2_000_000_000 });
  const { forms, fetchImpl } = provider({ access_token: access, refresh_token: 'r-1', token_type: 'Bearer', expires_in: 300 });
  const session = await completeSignIn({
    callbackUrl: `https://app.limber.internal/?code=c-1&state=${pending.state}`, pending, tokenEndpoint: TOKEN_ENDPOINT,
    clientId: 'limber-web', fetchImpl,
  });
  assert.deepEqual(forms, [{ grant_type: 'authorization_code', code: 'c-1', redirect_uri: 'https://app.limber.internal/',
    client_id: 'limber-web', code_verifier: pending.verifier }]);
  assert.deepEqual(session, { token: access, refreshToken: 'r-1', userId: 'u-42', expiresAt: 2_000_000_000 });
});

test('a callback with another state, an error, no code or no sign-in started is refused before any token request', async () => {
  const { pending } = await beginSignIn({ authorizationEndpoint: `${ISSUER}/auth`, clientId: 'limber-web', redirectUri: 'https://app.limber.internal/' });
  const { forms, fetchImpl } = provider({});
  const call = (query, p = pending) => completeSignIn({ callbackUrl: `https://app.limber.internal/?${query}`, pending: p,
    tokenEndpoint: TOKEN_ENDPOINT, clientId: 'limber-web', fetchImpl });
  await assert.rejects(call('code=c-1&state=forged'), /state does not match/);
  await assert.rejects(call('code=c-1'), /state does not match/);
  await assert.rejects(call('error=access_denied&error_description=User+cancelled'), /sign-in refused: User cancelled/);
  await assert.rejects(call(`state=${pending.state}`), /no authorization code/);
  await assert.rejects(call(`code=c-1&state=${pending.state}`, null), /no sign-in in progress/);
  assert.equal(forms.length, 0);
});

test('refresh: the refresh-token grant; a rotated refresh token replaces the old one, a refusal is an error', async () => {
  const access = jwt({ sub: 'u-42', exp: 2_000_000_100 });
  const rotated = provider({ access_token: access, refresh_token: 'r-2' });
  assert.deepEqual(await refresh({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'limber-web', refreshToken: 'r-1', fetchImpl: rotated.fetchImpl }),
    { token: access, refreshToken: 'r-2', userId: 'u-42', expiresAt: 2_000_000_100 });
  assert.deepEqual(rotated.forms, [{ grant_type: 'refresh_token', refresh_token: 'r-1', client_id: 'limber-web' }]);
  const kept = provider({ access_token: access });
  assert.equal((await refresh({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'limber-web', refreshToken: 'r-1', fetchImpl: kept.fetchImpl })).refreshToken, 'r-1');
  const refused = provider({ error: 'invalid_grant' }, 400);
  await assert.rejects(refresh({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'limber-web', refreshToken: 'r-1', fetchImpl: refused.fetchImpl }),
    /token endpoint: 400 invalid_grant/);
});

test('discovery: the endpoints of the issuer the services trust, and no other issuer', async () => {
  const doc = { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: TOKEN_ENDPOINT };
  const asked = [];
  const fetchImpl = async (url) => { asked.push(url); return new Response(JSON.stringify(doc)); };
  assert.deepEqual(await discover(ISSUER, fetchImpl), doc);
  assert.deepEqual(asked, [`${ISSUER}/.well-known/openid-configuration`]);
  const other = async () => new Response(JSON.stringify({ ...doc, issuer: 'https://evil.example' }));
  await assert.rejects(discover(ISSUER, other), /issuer https:\/\/evil.example is not/);
});

test('access token claims are read from the JWT payload (base64url, UTF-8)', () => {
  assert.deepEqual(accessTokenClaims(jwt({ sub: 'é-1', exp: 5 })), { sub: 'é-1', exp: 5 });
  assert.throws(() => accessTokenClaims('opaque'), /not a JWT/);
});
