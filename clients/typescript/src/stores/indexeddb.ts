import type { QueuedEvent, QueueStore } from './store.js';

export interface IndexedDbQueueStoreOptions {
  /** The database name; one per person if several people share a browser profile. Default `limber-outbox`. */
  name?: string;
  /** Defaults to the browser's `indexedDB` (tests pass fake-indexeddb's). */
  indexedDB?: IDBFactory;
}

const STORE = 'events';
const BY_KEY = 'key';

/**
 * Queued events in IndexedDB, so a session done offline survives closing the tab. Kept in insertion order by an
 * auto-incremented primary key; the (source, id) key is a unique index, so two tabs adding the same event keep one.
 */
export class IndexedDbQueueStore implements QueueStore {
  private readonly name: string;
  private readonly factory: IDBFactory;
  private opened?: Promise<IDBDatabase>;

  constructor(options: IndexedDbQueueStoreOptions = {}) {
    this.name = options.name ?? 'limber-outbox';
    const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory) throw new Error('IndexedDB is not available here: pass options.indexedDB or use MemoryQueueStore');
    this.factory = factory;
  }

  async add(entry: QueuedEvent): Promise<void> {
    await this.transaction('readwrite', (store) => {
      const existing = store.index(BY_KEY).getKey(entry.key);
      existing.onsuccess = () => {
        if (existing.result === undefined) {
          const added = store.add({ ...entry });
          // another tab added it in between: the unique index refuses it, which is what we want
          added.onerror = (e) => {
            if (added.error?.name === 'ConstraintError') {
              e.preventDefault();
              e.stopPropagation();
            }
          };
        }
      };
    });
  }

  async peek(limit: number): Promise<QueuedEvent[]> {
    let rows: unknown[] = [];
    await this.transaction('readonly', (store) => {
      const request = store.getAll(null, Math.min(limit, 2 ** 32 - 1)); // an unsigned long: larger counts throw
      request.onsuccess = () => (rows = request.result);
    });
    return rows.map((row) => {
      const { key, event, queuedAt } = row as QueuedEvent;
      return { key, event, queuedAt };
    });
  }

  async remove(keys: readonly string[]): Promise<void> {
    await this.transaction('readwrite', (store) => {
      for (const key of keys) {
        const found = store.index(BY_KEY).getKey(key);
        found.onsuccess = () => {
          if (found.result !== undefined) store.delete(found.result);
        };
      }
    });
  }

  async size(): Promise<number> {
    let count = 0;
    await this.transaction('readonly', (store) => {
      const request = store.count();
      request.onsuccess = () => (count = request.result);
    });
    return count;
  }

  /** Closes the database (tests, or before deleting it). */
  async close(): Promise<void> {
    if (this.opened) (await this.opened).close();
    this.opened = undefined;
  }

  private database(): Promise<IDBDatabase> {
    this.opened ??= new Promise((resolve, reject) => {
      const request = this.factory.open(this.name, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
        store.createIndex(BY_KEY, 'key', { unique: true });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error(`IndexedDB ${this.name} is blocked by another connection`));
    });
    return this.opened;
  }

  /** Runs `work` in one transaction and resolves when it is committed. */
  private async transaction(mode: IDBTransactionMode, work: (store: IDBObjectStore) => void): Promise<void> {
    const db = await this.database();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      work(tx.objectStore(STORE));
    });
  }
}
