// Dev tokens for the local stack: RS256 JWTs signed with the stack's dev key pair (.local-stack/keys, made at each
// start of deploy/local/run), with the claims deploy/local/token (TokenIssuer.java) gives them. Never for production:
// there the app signs in with OIDC (README).
import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_ISSUER = 'https://limber.local/dev';
export const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const keysDir = () => process.env.LIMBER_KEYS ?? join(repo, '.local-stack/keys');

const b64url = (s) => Buffer.from(s).toString('base64url');

/** A token for `subject` with `role` (patient, clinician, admin), valid for `lifetimeS` seconds from now. */
export function devToken(subject, role, lifetimeS = 3600) {
  const key = readFileSync(join(keysDir(), 'jwt-private.pem'), 'utf8'); // read each time: a new stack, a new key
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: DEV_ISSUER, sub: subject, upn: subject, groups: [role], iat: now, exp: now + lifetimeS, jti: randomUUID() };
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return { token: `${input}.${signature}`, expiresAt: claims.exp };
}
