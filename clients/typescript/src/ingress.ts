import type { ClientEvent } from './events.js';
import { retryAfterMs } from './backoff.js';

export const STRUCTURED = 'application/cloudevents+json';
export const BATCH = 'application/cloudevents-batch+json';

/** One refused field in the ingress's answer; `index` is the event's place in the request. */
export interface IngressProblem {
  index: number;
  field: string;
  reason: string;
}

/** The ingress's answer to one request, as the queue acts on it. */
export type IngressAnswer =
  | { kind: 'accepted'; status: number; ids: string[] }
  /** 400 or 403: nothing was written; never retried as it is. */
  | { kind: 'refused'; status: 400 | 403; error: string; problems: IngressProblem[] }
  | { kind: 'unauthorized'; status: 401 }
  | { kind: 'too-large'; status: 413 }
  /** 429, 5xx, a network error, or anything unexpected: try again later. */
  | { kind: 'retry'; status?: number; error: string; retryAfterMs?: number };

/**
 * POSTs events to session-service's `/events`: one as `application/cloudevents+json`, several as
 * `application/cloudevents-batch+json` (a JSON array of structured events).
 */
export async function postEvents(
  fetchFn: typeof fetch,
  url: string,
  events: readonly ClientEvent[],
  token: string,
  timeoutMs?: number,
): Promise<IngressAnswer> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: {
        'content-type': events.length === 1 ? STRUCTURED : BATCH,
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(events.length === 1 ? events[0] : events),
      ...(timeoutMs && typeof AbortSignal.timeout === 'function' ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
    });
  } catch (e) {
    return { kind: 'retry', error: `network: ${e instanceof Error ? e.message : String(e)}` };
  }
  const body = await response.text().catch(() => '');
  const json = parse(body);
  const status = response.status;
  if (status >= 200 && status < 300) {
    const ids = Array.isArray(json?.ids) ? (json.ids as unknown[]).map(String) : events.map((e) => e.id);
    return { kind: 'accepted', status, ids };
  }
  if (status === 400 || status === 403) {
    return {
      kind: 'refused',
      status,
      error: String(json?.error ?? json?.detail ?? json?.title ?? (body || `HTTP ${status}`)),
      problems: problems(json?.problems),
    };
  }
  if (status === 401) return { kind: 'unauthorized', status };
  if (status === 413) return { kind: 'too-large', status };
  const after = retryAfterMs(response.headers.get('retry-after'));
  return {
    kind: 'retry',
    status,
    error: `HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`,
    ...(after === undefined ? {} : { retryAfterMs: after }),
  };
}

function parse(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function problems(value: unknown): IngressProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) =>
    p !== null && typeof p === 'object' && Number.isInteger((p as IngressProblem).index)
      ? [{ index: (p as IngressProblem).index, field: String((p as IngressProblem).field ?? '$'), reason: String((p as IngressProblem).reason ?? '') }]
      : [],
  );
}
