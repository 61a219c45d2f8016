/** How long to wait before the next try after a failure the ingress says may pass (429, 5xx, network). */
export interface BackoffOptions {
  /** The first wait's ceiling; doubles with every failed try. Default 1 s. */
  baseMs?: number;
  /** No wait is longer. Default 5 min. */
  maxMs?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { baseMs: 1000, maxMs: 5 * 60 * 1000 };

/**
 * Exponential back-off with "equal jitter": the ceiling is `baseMs · 2^(attempt-1)` capped at `maxMs`, and the wait
 * is a random point in its upper half, so waits grow with every failure while clients that failed together spread
 * out. A server's `Retry-After` is a floor (still capped at `maxMs`).
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const { baseMs, maxMs } = { ...DEFAULT_BACKOFF, ...options };
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.min(maxMs, Math.max(jittered, retryAfterMs ?? 0)));
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
