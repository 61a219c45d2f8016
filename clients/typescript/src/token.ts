/**
 * Where the bearer token comes from: the app's sign-in (OIDC, a dev login, …). Called before each request; after a
 * 401 the kit calls it once more with `forceRefresh: true` before giving up on that try.
 */
export type TokenProvider = (request: { forceRefresh: boolean }) => string | Promise<string>;

/** A fixed token (scripts, tests). */
export function staticToken(token: string): TokenProvider {
  return () => token;
}
