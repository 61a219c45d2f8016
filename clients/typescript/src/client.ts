import { eventBuilders, type ClientEvent, type EventBuilders } from './events.js';
import { OfflineQueue, type FlushReport, type OfflineQueueOptions } from './queue.js';
import { LimberReads, type ServiceUrls } from './reads.js';
import type { TokenProvider } from './token.js';

export interface LimberClientOptions
  extends Omit<OfflineQueueOptions, 'url' | 'token'> {
  /** One base URL for all three services (a gateway, or the local stack behind one), or one per service. */
  baseUrl: string | ServiceUrls;
  /** The person (their token's `sub`). */
  userId: string;
  /**
   * This app instance, e.g. `/clients/web/0c11`: with each event's id it deduplicates. Keep it per installation;
   * default `/clients/typescript/<random>` (fine too: a queued event keeps the source it was built with).
   */
  source?: string;
  token: TokenProvider;
}

/** The kit for one signed-in person: build events, send them through the offline queue, read over REST. */
export interface LimberClient {
  readonly userId: string;
  readonly source: string;
  /** Builders for the four client events, validated as the ingress would (LimberEventInvalid names the field). */
  readonly events: EventBuilders;
  readonly queue: OfflineQueue;
  readonly reads: LimberReads;
  /** Queue the event (stored first) and send what is queued. */
  send(event: ClientEvent): Promise<FlushReport>;
  /** Send what is queued now. */
  flush(): Promise<FlushReport>;
}

export function createLimberClient(options: LimberClientOptions): LimberClient {
  const urls: ServiceUrls =
    typeof options.baseUrl === 'string'
      ? { routine: options.baseUrl, session: options.baseUrl, reminder: options.baseUrl }
      : options.baseUrl;
  const source = options.source ?? `/clients/typescript/${globalThis.crypto.randomUUID()}`;
  const { baseUrl: _ignored, userId, token, ...queueOptions } = options;
  const queue = new OfflineQueue({ ...queueOptions, token, url: `${urls.session.replace(/\/+$/, '')}/events` });
  const reads = new LimberReads({ urls, token, userId, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const events = eventBuilders({
    userId,
    source,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    userId,
    source,
    events,
    queue,
    reads,
    send: (event) => queue.send(event),
    flush: () => queue.flush(),
  };
}
