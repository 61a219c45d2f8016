import type { ClientEvent } from '../events.js';

/** One event waiting to be sent, under its deduplication key (source, id). */
export interface QueuedEvent {
  key: string;
  event: ClientEvent;
  /** When it was queued (ISO 8601), for the app's "waiting to send". */
  queuedAt: string;
}

/**
 * Where queued events wait: durable in a browser (IndexedDB), anything else elsewhere. Oldest first; adding a key
 * that is already there changes nothing.
 */
export interface QueueStore {
  add(entry: QueuedEvent): Promise<void>;
  /** Up to `limit` events, oldest first. */
  peek(limit: number): Promise<QueuedEvent[]>;
  remove(keys: readonly string[]): Promise<void>;
  size(): Promise<number>;
}

/** The deduplication key of an event: its (source, id), as the services deduplicate. */
export function keyOf(event: { source: string; id: string }): string {
  return JSON.stringify([event.source, event.id]);
}
