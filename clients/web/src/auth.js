// Sign-in, in one of two ways the app's server chooses (GET /config.json, from its environment):
// - "dev" (locally): the app's node server signs a patient token with the local stack's dev key (POST /dev/token);
// - "oidc" (production): OpenID Connect Authorization Code + PKCE against the issuer the services trust (JWT_ISSUER),
//   as a public client (src/pkce.js; README, "Production sign-in").
// The rest of the app only asks for userId() and token(); nothing else changes between the two.
import { beginSignIn, completeSignIn, discover, refresh } from './pkce.js';

const KEY = 'limber:auth';
const CONFIG = 'limber:config';
const PENDING = 'limber:oidc-pending'; // sessionStorage: the verifier never outlives the tab that started sign-in
const DEV = { signIn: 'dev' };

let config = DEV;
let provider; // the OIDC discovery document, once fetched

function load() {
  try { return JSON.parse(localStorage.getItem(KEY) ?? 'null'); } catch { return null; }
}
function save(session) { localStorage.setItem(KEY, JSON.stringify(session)); }

async function devToken(userId) {
  const response = await fetch('/dev/token', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `sign-in failed (${response.status})`);
  return body; // { token, expiresAt }
}

async function endpoints() {
  provider ??= await discover(config.oidc.issuer);
  return provider;
}

async function renewed(current) {
  if (config.signIn === 'oidc') {
    if (!current.refreshToken) throw new Error('no refresh token: sign in again');
    const { token_endpoint: tokenEndpoint } = await endpoints();
    return refresh({ tokenEndpoint, clientId: config.oidc.clientId, refreshToken: current.refreshToken });
  }
  return devToken(current.userId);
}

export const auth = {
  /** Reads the sign-in configuration (kept for offline starts) and finishes an OIDC callback if this is one. */
  async init() {
    try {
      const response = await fetch('/config.json', { cache: 'no-store' });
      if (response.ok) {
        config = await response.json();
        localStorage.setItem(CONFIG, JSON.stringify(config));
      }
    } catch {
      config = JSON.parse(localStorage.getItem(CONFIG) ?? 'null') ?? DEV; // offline: as last time
    }
    const here = new URL(location.href);
    if (config.signIn === 'oidc' && (here.searchParams.has('code') || here.searchParams.has('error'))) {
      const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
      sessionStorage.removeItem(PENDING);
      history.replaceState(null, '', `${here.pathname}${here.hash}`); // the code is single-use: off the address bar
      const { token_endpoint: tokenEndpoint } = await endpoints();
      save(await completeSignIn({ callbackUrl: here.toString(), pending, tokenEndpoint, clientId: config.oidc.clientId }));
    }
  },
  /** "dev": the person types their id; "oidc": the provider's sign-in page. */
  mode: () => config.signIn,
  userId: () => load()?.userId ?? null,
  /** dev: sign in as `userId`; oidc: off to the provider (the page navigates away; init() finishes on return). */
  async signIn(userId) {
    if (config.signIn === 'oidc') {
      const { authorization_endpoint: authorizationEndpoint } = await endpoints();
      const { url, pending } = await beginSignIn({
        authorizationEndpoint, clientId: config.oidc.clientId, redirectUri: config.oidc.redirectUri,
      });
      sessionStorage.setItem(PENDING, JSON.stringify(pending));
      location.assign(url);
      return;
    }
    const { token, expiresAt } = await devToken(userId);
    save({ userId, token, expiresAt });
  },
  /** The kit's token provider: the stored token, a fresh one when it is about to expire or after a 401. */
  async token({ forceRefresh = false } = {}) {
    const current = load();
    if (!current) throw new Error('not signed in');
    const expiring = current.expiresAt * 1000 - Date.now() < 60_000;
    if ((forceRefresh || expiring) && navigator.onLine) {
      try {
        const fresh = await renewed(current);
        save({ ...current, ...fresh, userId: current.userId });
        return fresh.token;
      } catch { /* offline, the stack down, or the refresh refused: the old token; the kit keeps the events */ }
    }
    return current.token;
  },
  signOut() { localStorage.removeItem(KEY); },
};
