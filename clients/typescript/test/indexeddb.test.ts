import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IDBFactory } from 'fake-indexeddb';
import { eventBuilders, IndexedDbQueueStore, keyOf, OfflineQueue, type QueuedEvent } from '../src/index.js';
import { fakeFetch, manualTimers } from './support.js';

const build = eventBuilders({ userId: 'p-1', source: '/clients/web/idb' });
const entry = (n: number): QueuedEvent => {
  const event = build.painReported({ pain: n % 11, settled: true });
  return { key: keyOf(event), event, queuedAt: new Date(Date.UTC(2026, 10, 30, 10, 0, n)).toISOString() };
};

test('keeps events in the order they were queued, and gives them back as they were', async () => {
  const store = new IndexedDbQueueStore({ indexedDB: new IDBFactory() });
  const entries = [entry(1), entry(2), entry(3)];
  for (const e of entries) await store.add(e);
  assert.deepEqual(await store.peek(10), entries);
  assert.deepEqual(await store.peek(2), entries.slice(0, 2));
  assert.equal(await store.size(), 3);
});

test('adding the same (source, id) twice keeps one, in its first place', async () => {
  const store = new IndexedDbQueueStore({ indexedDB: new IDBFactory() });
  const [a, b] = [entry(1), entry(2)];
  await store.add(a);
  await store.add(b);
  await store.add({ ...a, queuedAt: '2030-01-01T00:00:00.000Z' });
  assert.deepEqual(await store.peek(10), [a, b]);
});

test('removes by key; unknown keys are ignored', async () => {
  const store = new IndexedDbQueueStore({ indexedDB: new IDBFactory() });
  const entries = [entry(1), entry(2), entry(3)];
  for (const e of entries) await store.add(e);
  await store.remove([entries[1]!.key, 'no such key']);
  assert.deepEqual(await store.peek(10), [entries[0], entries[2]]);
});

test('what was queued survives closing the page: a new store on the same database sees it', async () => {
  const indexedDB = new IDBFactory();
  const before = new IndexedDbQueueStore({ indexedDB, name: 'limber-outbox-p-1' });
  const entries = [entry(1), entry(2)];
  for (const e of entries) await before.add(e);
  await before.close();
  const after = new IndexedDbQueueStore({ indexedDB, name: 'limber-outbox-p-1' });
  assert.deepEqual(await after.peek(10), entries);
  const other = new IndexedDbQueueStore({ indexedDB, name: 'limber-outbox-p-2' });
  assert.equal(await other.size(), 0);
});

test('two tabs adding the same event at once keep one', async () => {
  const indexedDB = new IDBFactory();
  const tabA = new IndexedDbQueueStore({ indexedDB });
  const tabB = new IndexedDbQueueStore({ indexedDB });
  const e = entry(1);
  await Promise.all([tabA.add(e), tabB.add(e), tabA.add(entry(2))]);
  assert.equal(await tabB.size(), 2);
});

test('the offline queue on IndexedDB: events done offline go out once the network is back', async () => {
  const indexedDB = new IDBFactory();
  let online = false;
  const { fetch, requests } = fakeFetch((r) => (online ? { status: 202, body: { ids: [] } } : new TypeError('Failed to fetch')));
  const timers = manualTimers();
  const options = { url: 'https://limber.test/events', fetch, timers, flushWhenOnline: false, token: () => 't' };
  const first = new OfflineQueue({ ...options, store: new IndexedDbQueueStore({ indexedDB }) });
  const events = [entry(1).event, entry(2).event];
  for (const e of events) await first.send(e);
  assert.equal((await first.pending()).length, 2);
  first.dispose();

  // the page was closed and opened again; the network is back
  online = true;
  const second = new OfflineQueue({ ...options, store: new IndexedDbQueueStore({ indexedDB }) });
  const report = await second.flush();
  assert.deepEqual(report.accepted, events);
  assert.deepEqual(requests.at(-1)!.body, events);
  assert.equal(report.pending, 0);
});

test('without IndexedDB the store says so', () => {
  assert.throws(() => new IndexedDbQueueStore(), /IndexedDB is not available/);
});
