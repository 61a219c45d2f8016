// OIDC Authorization Code + PKCE (RFC 7636, S256) for a public client, by hand on WebCrypto: the pieces only, no
// storage and no navigation, so they run the same in the browser and in node's test runner (test/pkce.test.mjs).
// src/auth.js puts them together: discovery, the redirect to the provider, the callback, refresh.

const encoder = new TextEncoder();

/** base64url without padding (RFC 4648 §5), as PKCE and JWTs use it. */
export function base64url(bytes) {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of `bytes` random bytes (32 → 43 characters): code verifiers, state, nonce. */
export function randomString(bytes = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** code_challenge = base64url(SHA-256(code_verifier)), the S256 method. */
export async function codeChallenge(verifier) {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) {
    throw new Error('code_verifier: 43–128 characters of A–Z a–z 0–9 - . _ ~ (RFC 7636 §4.1)');
  }
  return base64url(await crypto.subtle.digest('SHA-256', encoder.encode(verifier)));
}

/**
 * The provider's endpoints from its discovery document. The document must name the same issuer the services trust
 * (JWT_ISSUER), or tokens from it would be refused by every service anyway (OpenID Connect Discovery §4.3).
 */
export async function discover(issuer, fetchImpl = fetch) {
  const base = issuer.replace(/\/$/, '');
  const response = await fetchImpl(`${base}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`OIDC discovery at ${base}: ${response.status}`);
  const doc = await response.json();
  if (doc.issuer !== issuer) throw new Error(`OIDC discovery: issuer ${doc.issuer} is not ${issuer}`);
  for (const field of ['authorization_endpoint', 'token_endpoint']) {
    if (typeof doc[field] !== 'string') throw new Error(`OIDC discovery: no ${field}`);
  }
  return doc;
}

/** Everything the redirect to the provider needs, and what the callback must find again (kept by the caller). */
export async function beginSignIn({ authorizationEndpoint, clientId, redirectUri, scope = 'openid offline_access' }) {
  const verifier = randomString(32);
  const state = randomString(16);
  const nonce = randomString(16);
  const url = new URL(authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope, state, nonce,
    code_challenge: await codeChallenge(verifier), code_challenge_method: 'S256',
  }).toString();
  return { url: url.toString(), pending: { verifier, state, nonce, redirectUri, createdAt: Date.now() } };
}

/**
 * The callback: the state must be the one this browser sent (else another site started it: CSRF), then the code is
 * exchanged with the verifier only this browser knows. Returns the token endpoint's answer as a session.
 */
export async function completeSignIn({ callbackUrl, pending, tokenEndpoint, clientId, fetchImpl = fetch }) {
  const params = new URL(callbackUrl).searchParams;
  if (params.get('error')) throw new Error(`sign-in refused: ${params.get('error_description') ?? params.get('error')}`);
  if (!pending) throw new Error('no sign-in in progress in this browser');
  if (!params.get('state') || params.get('state') !== pending.state) throw new Error('sign-in state does not match: start again');
  const code = params.get('code');
  if (!code) throw new Error('no authorization code in the callback');
  return tokenRequest(tokenEndpoint, {
    grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, client_id: clientId,
    code_verifier: pending.verifier,
  }, fetchImpl);
}

/** A new access token from the refresh token (rotated by the provider: the answer's refresh token replaces it). */
export async function refresh({ tokenEndpoint, clientId, refreshToken, fetchImpl = fetch }) {
  const session = await tokenRequest(tokenEndpoint, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }, fetchImpl);
  return { ...session, refreshToken: session.refreshToken ?? refreshToken };
}

async function tokenRequest(tokenEndpoint, form, fetchImpl) {
  const response = await fetchImpl(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new Error(`token endpoint: ${response.status} ${body.error ?? ''}`.trim());
  }
  const claims = accessTokenClaims(body.access_token);
  return {
    token: body.access_token,
    refreshToken: body.refresh_token,
    // the services take the person's id from the token's upn (sub when absent), as mp.jwt does
    userId: claims.upn ?? claims.sub,
    expiresAt: claims.exp ?? Math.floor(Date.now() / 1000) + (body.expires_in ?? 300),
  };
}

/**
 * The access token's claims, read without checking the signature: only to know whose token and until when. The
 * services verify it (issuer, signature, expiry); the app never decides anything on these claims alone.
 */
export function accessTokenClaims(jwt) {
  const part = jwt.split('.')[1];
  if (!part) throw new Error('the access token is not a JWT');
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}
