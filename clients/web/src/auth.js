// Sign-in. Locally: the dev login (the app's node server signs a patient token with the local stack's dev key,
// POST /dev/token). In production the same two functions are backed by OIDC Authorization Code + PKCE against the
// issuer the services trust (README, "Production sign-in"); nothing else in the app changes.
const KEY = 'limber:auth';

function load() {
  try { return JSON.parse(localStorage.getItem(KEY) ?? 'null'); } catch { return null; }
}

async function devToken(userId) {
  const response = await fetch('/dev/token', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `sign-in failed (${response.status})`);
  return body; // { token, expiresAt }
}

export const auth = {
  userId: () => load()?.userId ?? null,
  async signIn(userId) {
    const { token, expiresAt } = await devToken(userId);
    localStorage.setItem(KEY, JSON.stringify({ userId, token, expiresAt }));
  },
  /** The kit's token provider: the stored token, a fresh one when it is about to expire or after a 401. */
  async token({ forceRefresh = false } = {}) {
    const current = load();
    if (!current) throw new Error('not signed in');
    const expiring = current.expiresAt * 1000 - Date.now() < 60_000;
    if ((forceRefresh || expiring) && navigator.onLine) {
      try {
        const { token, expiresAt } = await devToken(current.userId);
        localStorage.setItem(KEY, JSON.stringify({ ...current, token, expiresAt }));
        return token;
      } catch { /* offline or the stack is down: the old token; the kit keeps the events and retries */ }
    }
    return current.token;
  },
  signOut() { localStorage.removeItem(KEY); },
};
