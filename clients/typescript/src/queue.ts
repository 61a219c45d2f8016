import { backoffDelay, type BackoffOptions } from './backoff.js';
import type { ClientEvent } from './events.js';
import { postEvents, type IngressAnswer } from './ingress.js';
import { MemoryQueueStore } from './stores/memory.js';
import { keyOf, type QueuedEvent, type QueueStore } from './stores/store.js';
import type { TokenProvider } from './token.js';
import { assertValid, type Problem } from './validation.js';

/** An event the ingress refused for good (400, 403, or 413 for the event alone): handed back to the app. */
export interface Rejection {
  event: ClientEvent;
  status: 400 | 403 | 413;
  error: string;
  problems: Problem[];
}

/** What one flush did. */
export interface FlushReport {
  accepted: ClientEvent[];
  rejected: Rejection[];
  /** Events still queued afterwards. */
  pending: number;
  /** Set when a try failed in a way that may pass (429, 5xx, network, 401 twice): the next try is in this long. */
  retryInMs?: number;
  error?: string;
}

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  error: string;
  status?: number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OfflineQueueOptions {
  /** The ingress, e.g. `https://session.example.org/events`. */
  url: string;
  token: TokenProvider;
  /** Default: in memory. In a browser, `new IndexedDbQueueStore()`. */
  store?: QueueStore;
  fetch?: typeof fetch;
  /** Events per request; the ingress takes up to 500 (`INGRESS_MAX_BATCH`). Default 100. */
  maxBatch?: number;
  backoff?: BackoffOptions;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Retry by itself after a failure that may pass (default true); false leaves it to the app's `flush()`. */
  autoRetry?: boolean;
  /** In a browser, flush when the `online` event fires (default true). */
  flushWhenOnline?: boolean;
  onAccepted?: (events: ClientEvent[]) => void;
  onRejected?: (rejection: Rejection) => void;
  onRetry?: (info: RetryInfo) => void;
  now?: () => Date;
  random?: () => number;
  timers?: Timers;
}

type Outcome = 'done' | { kind: 'retry'; error: string; status?: number; retryAfterMs?: number };

/**
 * The outbox of a client app: events wait in a store until the ingress has taken them. It follows the ingress's
 * answers: 202 removes them; 400 and 403 are never retried, each refused event is reported to the app (the rest
 * of the batch is sent again, since nothing of a refused request was written); 401 asks the token provider for a
 * fresh token once; 413 splits the batch; 429, 5xx and network errors are retried with exponential back-off and
 * jitter. An event keeps its (source, id), so a resend of something that did arrive changes nothing.
 */
export class OfflineQueue {
  readonly store: QueueStore;
  private readonly fetchFn: typeof fetch;
  private readonly maxBatch: number;
  private readonly timers: Timers;
  private attempt = 0;
  private timer: unknown = undefined;
  private running: Promise<FlushReport> | undefined;
  private readonly onlineListener = () => void this.flush();

  constructor(private readonly options: OfflineQueueOptions) {
    this.store = options.store ?? new MemoryQueueStore();
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.maxBatch = Math.max(1, options.maxBatch ?? 100);
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => {
        const handle = globalThis.setTimeout(callback, ms) as unknown as { unref?: () => void };
        handle.unref?.(); // a retry alone must not keep a Node process alive
        return handle;
      },
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    if (options.flushWhenOnline !== false && typeof globalThis.addEventListener === 'function') {
      globalThis.addEventListener('online', this.onlineListener);
    }
  }

  /** Validates the event as the ingress would (throws LimberEventInvalid) and stores it until it is sent. */
  async enqueue(event: ClientEvent): Promise<void> {
    assertValid(event, this.options.now?.());
    await this.store.add({ key: keyOf(event), event, queuedAt: (this.options.now?.() ?? new Date()).toISOString() });
  }

  /**
   * Queues the event and sends what is queued, unless a retry is already scheduled (then it waits for it). The
   * event is stored before anything is sent, so a failure loses nothing.
   */
  async send(event: ClientEvent): Promise<FlushReport> {
    await this.enqueue(event);
    if (this.timer !== undefined) return { accepted: [], rejected: [], pending: await this.store.size() };
    return this.flush();
  }

  /** Sends everything queued now (cancelling a scheduled retry); one flush at a time. */
  flush(): Promise<FlushReport> {
    if (!this.running) {
      this.cancelRetry();
      this.running = this.run().finally(() => (this.running = undefined));
    }
    return this.running;
  }

  /** The events waiting to be sent, oldest first (for "waiting to send"). */
  async pending(): Promise<QueuedEvent[]> {
    return this.store.peek(Number.MAX_SAFE_INTEGER);
  }

  /** True while a retry is scheduled. */
  get retryScheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Stops retrying and listening (the queued events stay in the store). */
  dispose(): void {
    this.cancelRetry();
    if (typeof globalThis.removeEventListener === 'function') {
      globalThis.removeEventListener('online', this.onlineListener);
    }
  }

  private async run(): Promise<FlushReport> {
    const report: FlushReport = { accepted: [], rejected: [], pending: 0 };
    for (;;) {
      const batch = await this.store.peek(this.maxBatch);
      if (batch.length === 0) {
        this.attempt = 0;
        break;
      }
      const outcome = await this.deliver(batch, report);
      if (outcome !== 'done') {
        this.attempt += 1;
        const delayMs = backoffDelay(this.attempt, this.options.backoff, this.options.random, outcome.retryAfterMs);
        report.retryInMs = delayMs;
        report.error = outcome.error;
        this.options.onRetry?.({
          attempt: this.attempt,
          delayMs,
          error: outcome.error,
          ...(outcome.status === undefined ? {} : { status: outcome.status }),
        });
        if (this.options.autoRetry !== false) this.scheduleRetry(delayMs);
        break;
      }
      this.attempt = 0;
    }
    report.pending = await this.store.size();
    return report;
  }

  /** Sends one batch and acts on the answer; 'done' when every event in it was accepted or refused for good. */
  private async deliver(entries: QueuedEvent[], report: FlushReport): Promise<Outcome> {
    const events = entries.map((e) => e.event);
    let answer: IngressAnswer;
    try {
      answer = await this.post(events, false);
      if (answer.kind === 'unauthorized') answer = await this.post(events, true);
    } catch (e) {
      return { kind: 'retry', error: `token provider: ${e instanceof Error ? e.message : String(e)}` };
    }
    switch (answer.kind) {
      case 'accepted':
        await this.store.remove(entries.map((e) => e.key));
        report.accepted.push(...events);
        this.options.onAccepted?.(events);
        return 'done';
      case 'unauthorized':
        return { kind: 'retry', status: 401, error: 'HTTP 401 even with a fresh token: the person must sign in again' };
      case 'retry':
        return answer;
      case 'too-large':
        if (entries.length === 1) {
          await this.reject(entries[0]!, 413, 'over the ingress body limit', [
            { field: '$', reason: 'the event alone is over the ingress body limit (413)' },
          ], report);
          return 'done';
        }
        return this.deliverHalves(entries, report);
      case 'refused': {
        const byIndex = new Map<number, Problem[]>();
        for (const p of answer.problems) {
          if (p.index >= 0 && p.index < entries.length) {
            byIndex.set(p.index, [...(byIndex.get(p.index) ?? []), { field: p.field, reason: p.reason }]);
          }
        }
        const aboutTheRequest = byIndex.size === 0 || answer.problems.some((p) => p.field === '$');
        if (answer.status === 403 && byIndex.size === 0) {
          // the token may not report at all (not a patient's): every event in the request is refused
          for (const entry of entries) await this.reject(entry, 403, answer.error, [{ field: '$', reason: answer.error }], report);
          return 'done';
        }
        if (aboutTheRequest && entries.length > 1) return this.deliverHalves(entries, report);
        if (byIndex.size === 0) {
          await this.reject(entries[0]!, answer.status, answer.error, [{ field: '$', reason: answer.error }], report);
          return 'done';
        }
        // nothing of the request was written: the refused events go back to the app, the others are sent again
        for (const [index, problems] of byIndex) await this.reject(entries[index]!, answer.status, answer.error, problems, report);
        return 'done';
      }
    }
  }

  private async deliverHalves(entries: QueuedEvent[], report: FlushReport): Promise<Outcome> {
    const middle = Math.ceil(entries.length / 2);
    for (const half of [entries.slice(0, middle), entries.slice(middle)]) {
      const outcome = await this.deliver(half, report);
      if (outcome !== 'done') return outcome;
    }
    return 'done';
  }

  private async post(events: ClientEvent[], forceRefresh: boolean): Promise<IngressAnswer> {
    const token = await this.options.token({ forceRefresh });
    return postEvents(this.fetchFn, this.options.url, events, token, this.options.timeoutMs ?? 30_000);
  }

  private async reject(
    entry: QueuedEvent,
    status: 400 | 403 | 413,
    error: string,
    problems: Problem[],
    report: FlushReport,
  ): Promise<void> {
    await this.store.remove([entry.key]);
    const rejection: Rejection = { event: entry.event, status, error, problems };
    report.rejected.push(rejection);
    this.options.onRejected?.(rejection);
  }

  private scheduleRetry(delayMs: number): void {
    this.cancelRetry();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
  }

  private cancelRetry(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
