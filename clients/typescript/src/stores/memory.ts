import type { QueuedEvent, QueueStore } from './store.js';

/** Queued events in memory: for servers, tests and apps that keep nothing across restarts. */
export class MemoryQueueStore implements QueueStore {
  private readonly entries = new Map<string, QueuedEvent>();

  async add(entry: QueuedEvent): Promise<void> {
    if (!this.entries.has(entry.key)) this.entries.set(entry.key, entry);
  }

  async peek(limit: number): Promise<QueuedEvent[]> {
    return [...this.entries.values()].slice(0, limit);
  }

  async remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async size(): Promise<number> {
    return this.entries.size;
  }
}
