import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventBuilders,
  LimberEventInvalid,
  MemoryQueueStore,
  OfflineQueue,
  type ClientEvent,
  type OfflineQueueOptions,
  type Rejection,
  type RetryInfo,
} from '../src/index.js';
import { fakeFetch, manualTimers, type Answer } from './support.js';

const URL_ = 'https://limber.test/events';
const build = eventBuilders({ userId: 'p-1', source: '/clients/test/a1' });
const started = (n: number) =>
  build.sessionStarted({ sessionId: `s-${n}`, routineId: 'lower-back-stretches', routineVersion: 1, startedAt: new Date().toISOString() });
const accepted = (events: unknown) => ({ status: 202, body: { accepted: 1, ids: (Array.isArray(events) ? events : [events]).map((e: any) => e.id) } });

function queue(answers: Answer[] | ((r: any) => Answer), extra: Partial<OfflineQueueOptions> = {}) {
  const { fetch, requests } = fakeFetch(answers);
  const timers = manualTimers();
  const tokens: boolean[] = [];
  const rejected: Rejection[] = [];
  const retries: RetryInfo[] = [];
  const q = new OfflineQueue({
    url: URL_,
    fetch,
    timers,
    token: ({ forceRefresh }) => {
      tokens.push(forceRefresh);
      return forceRefresh ? 'fresh-token' : 'old-token';
    },
    random: () => 0.5,
    onRejected: (r) => rejected.push(r),
    onRetry: (r) => retries.push(r),
    flushWhenOnline: false,
    ...extra,
  });
  return { q, requests, timers, tokens, rejected, retries };
}

async function queueOffline(q: OfflineQueue, events: ClientEvent[]) {
  for (const e of events) await q.enqueue(e);
}

test('one event goes as application/cloudevents+json with the bearer token; accepted, it leaves the queue', async () => {
  const { q, requests } = queue((r) => accepted(r.body));
  const event = started(1);
  const report = await q.send(event);
  assert.deepEqual(report.accepted, [event]);
  assert.equal(report.pending, 0);
  assert.equal(requests.length, 1);
  assert.equal(requests[0]!.url, URL_);
  assert.equal(requests[0]!.method, 'POST');
  assert.equal(requests[0]!.headers['content-type'], 'application/cloudevents+json');
  assert.equal(requests[0]!.headers['authorization'], 'Bearer old-token');
  assert.deepEqual(requests[0]!.body, event);
});

test('queued events go in one application/cloudevents-batch+json request, in order', async () => {
  const { q, requests } = queue((r) => accepted(r.body));
  const events = [started(1), started(2), started(3)];
  await queueOffline(q, events);
  const report = await q.flush();
  assert.equal(requests.length, 1);
  assert.equal(requests[0]!.headers['content-type'], 'application/cloudevents-batch+json');
  assert.deepEqual(requests[0]!.body, events);
  assert.equal(report.accepted.length, 3);
  assert.equal(await q.store.size(), 0);
});

test('batches hold at most maxBatch events', async () => {
  const { q, requests } = queue((r) => accepted(r.body), { maxBatch: 100 });
  await queueOffline(q, Array.from({ length: 250 }, (_, i) => started(i)));
  const report = await q.flush();
  assert.deepEqual(requests.map((r) => r.body.length), [100, 100, 50]);
  assert.equal(report.accepted.length, 250);
});

test('an invalid event is never queued: LimberEventInvalid names the field', async () => {
  const { q, requests } = queue([{ status: 202 }]);
  const bad = { ...started(1), data: { ...started(1).data, routineVersion: 0 } } as ClientEvent;
  await assert.rejects(q.send(bad), (e: unknown) => e instanceof LimberEventInvalid && e.problems[0]!.field === '$.data.routineVersion');
  assert.equal(await q.store.size(), 0);
  assert.equal(requests.length, 0);
});

test('400: the refused event is reported to the app and never retried; the rest of the batch is sent again', async () => {
  const events = [started(1), started(2), started(3)];
  const { q, requests, rejected, retries } = queue([
    { status: 400, body: { error: 'invalid events: nothing was written', problems: [{ index: 1, field: '$.time', reason: "more than 24 h after the receiver's clock" }] } },
    accepted([events[0], events[2]]),
  ]);
  await queueOffline(q, events);
  const report = await q.flush();
  assert.equal(requests.length, 2);
  assert.deepEqual(requests[1]!.body, [events[0], events[2]]);
  assert.deepEqual(report.accepted, [events[0], events[2]]);
  assert.equal(rejected.length, 1);
  assert.deepEqual(rejected[0], {
    event: events[1],
    status: 400,
    error: 'invalid events: nothing was written',
    problems: [{ field: '$.time', reason: "more than 24 h after the receiver's clock" }],
  });
  assert.deepEqual(report.rejected, rejected);
  assert.equal(retries.length, 0);
  assert.equal(report.pending, 0);
});

test("403 naming an event (another person's): that event is reported, the others are sent again", async () => {
  const events = [started(1), started(2)];
  const { q, requests, rejected } = queue([
    { status: 403, body: { error: 'events of another person: nothing was written', problems: [{ index: 0, field: '$.data.userId', reason: "not the token's subject" }] } },
    accepted([events[1]]),
  ]);
  await queueOffline(q, events);
  const report = await q.flush();
  assert.deepEqual(rejected.map((r) => [r.event.id, r.status, r.problems[0]!.field]), [[events[0]!.id, 403, '$.data.userId']]);
  assert.deepEqual(requests[1]!.body, events[1]);
  assert.deepEqual(report.accepted, [events[1]]);
});

test('403 for the token (not a patient): every event of the request is reported, none retried', async () => {
  const events = [started(1), started(2)];
  const { q, requests, rejected, timers } = queue([
    { status: 403, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Forbidden', status: 403, detail: "this token's roles do not allow this request" } },
  ]);
  await queueOffline(q, events);
  const report = await q.flush();
  assert.equal(requests.length, 1);
  assert.deepEqual(rejected.map((r) => r.event), events);
  assert.equal(rejected[0]!.error, "this token's roles do not allow this request");
  assert.equal(report.pending, 0);
  assert.equal(timers.pending.length, 0);
});

test('400 about the request itself (too many events for the ingress) splits the batch instead of blaming event 0', async () => {
  const events = [started(1), started(2), started(3), started(4)];
  const { q, requests, rejected } = queue((r) =>
    Array.isArray(r.body) && r.body.length > 2
      ? { status: 400, body: { error: 'invalid events', problems: [{ index: 0, field: '$', reason: 'a batch holds 1 to 2 events, not 4' }] } }
      : accepted(r.body),
  );
  await queueOffline(q, events);
  const report = await q.flush();
  assert.deepEqual(requests.map((r) => r.body.length), [4, 2, 2]);
  assert.equal(rejected.length, 0);
  assert.equal(report.accepted.length, 4);
});

test('401 asks the token provider for a fresh token once, then sends again', async () => {
  const { q, requests, tokens } = queue((r) => (r.headers['authorization'] === 'Bearer fresh-token' ? accepted(r.body) : { status: 401 }));
  const report = await q.send(started(1));
  assert.deepEqual(tokens, [false, true]);
  assert.deepEqual(requests.map((r) => r.headers['authorization']), ['Bearer old-token', 'Bearer fresh-token']);
  assert.equal(report.accepted.length, 1);
});

test('401 with the fresh token too: nothing is lost, the events stay queued and a retry is scheduled', async () => {
  const { q, requests, tokens, retries, timers } = queue([{ status: 401 }]);
  const report = await q.send(started(1));
  assert.deepEqual(tokens, [false, true]);
  assert.equal(requests.length, 2);
  assert.equal(report.pending, 1);
  assert.equal(report.accepted.length + report.rejected.length, 0);
  assert.equal(retries[0]!.status, 401);
  assert.equal(timers.pending.length, 1);
});

test('413 splits the batch until each part fits', async () => {
  const events = Array.from({ length: 8 }, (_, i) => started(i));
  const { q, requests, rejected } = queue((r) => (Array.isArray(r.body) && r.body.length > 3 ? { status: 413 } : accepted(r.body)));
  await queueOffline(q, events);
  const report = await q.flush();
  assert.deepEqual(requests.map((r) => (Array.isArray(r.body) ? r.body.length : 1)), [8, 4, 2, 2, 4, 2, 2]);
  assert.deepEqual(report.accepted.map((e) => e.id), events.map((e) => e.id));
  assert.equal(rejected.length, 0);
});

test('413 for one event alone: it can never fit, so it is reported', async () => {
  const { q, rejected } = queue([{ status: 413 }]);
  const report = await q.send(started(1));
  assert.equal(rejected[0]!.status, 413);
  assert.equal(report.pending, 0);
});

for (const [name, answer] of [
  ['429', { status: 429 }],
  ['500', { status: 500, body: 'boom' }],
  ['503', { status: 503 }],
  ['a network error', new TypeError('fetch failed')],
] as const) {
  test(`${name} is retried after a back-off; the events stay queued`, async () => {
    const event = started(1);
    const { q, requests, timers, retries } = queue([answer, accepted(event)]);
    const first = await q.send(event);
    assert.equal(first.pending, 1);
    assert.equal(first.retryInMs, 750); // base 1 s, attempt 1, jitter 0.5: 500 + 0.5 · 500
    assert.equal(retries.length, 1);
    assert.equal(timers.pending[0]!.ms, 750);
    timers.fire();
    await q.flush(); // the retry's own flush is under way; this joins it
    assert.equal(requests.length, 2);
    assert.equal(await q.store.size(), 0);
  });
}

test("429's Retry-After is honoured", async () => {
  const { q } = queue([{ status: 429, headers: { 'retry-after': '30' } }]);
  const report = await q.send(started(1));
  assert.equal(report.retryInMs, 30_000);
});

test('each failed try waits longer (exponential), and a success starts over', async () => {
  let failing = true;
  const { q, timers } = queue((r) => (failing ? { status: 503 } : accepted(r.body)), { random: () => 1 });
  await q.send(started(1));
  const waits = [timers.pending[0]!.ms];
  for (let i = 0; i < 4; i++) {
    timers.fire();
    await q.flush();
    waits.push(timers.pending[0]!.ms);
  }
  assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16000]);
  failing = false;
  timers.fire();
  await q.flush();
  assert.equal(timers.pending.length, 0);
  failing = true;
  await q.send(started(2));
  assert.equal(timers.pending[0]!.ms, 1000);
});

test('resends are the same event: (source, id) and the whole body never change', async () => {
  const { q, requests, timers } = queue([new TypeError('offline'), { status: 503 }, { status: 202 }]);
  await q.send(started(1));
  timers.fire();
  await q.flush();
  timers.fire();
  await q.flush();
  assert.equal(requests.length, 3);
  assert.deepEqual(requests[1]!.body, requests[0]!.body);
  assert.deepEqual(requests[2]!.body, requests[0]!.body);
});

test('the same event queued twice is sent once', async () => {
  const { q, requests } = queue((r) => accepted(r.body));
  const event = started(1);
  await q.enqueue(event);
  await q.enqueue(event);
  await q.flush();
  assert.deepEqual(requests[0]!.body, event);
});

test('while a retry is scheduled, a new event waits for it instead of hammering the ingress', async () => {
  const { q, requests, timers } = queue([{ status: 503 }, { status: 202 }]);
  await q.send(started(1));
  const report = await q.send(started(2));
  assert.equal(requests.length, 1);
  assert.equal(report.pending, 2);
  timers.fire();
  await q.flush();
  assert.equal(requests.length, 2);
  assert.equal(requests[1]!.body.length, 2);
});

test('a flush called while one runs joins it (one request)', async () => {
  const { q, requests } = queue((r) => accepted(r.body));
  await q.enqueue(started(1));
  const [a, b] = await Promise.all([q.flush(), q.flush()]);
  assert.equal(requests.length, 1);
  assert.equal(a, b);
});

test('a token provider that throws is a failure that may pass: retried, nothing lost', async () => {
  const { fetch, requests } = fakeFetch([{ status: 202 }]);
  const timers = manualTimers();
  const q = new OfflineQueue({ url: URL_, fetch, timers, flushWhenOnline: false, token: () => Promise.reject(new Error('signed out')) });
  const report = await q.send(started(1));
  assert.equal(requests.length, 0);
  assert.equal(report.pending, 1);
  assert.match(report.error!, /signed out/);
  assert.equal(timers.pending.length, 1);
});

test('autoRetry false leaves retrying to the app', async () => {
  const { q, timers } = queue([{ status: 503 }], { autoRetry: false });
  const report = await q.send(started(1));
  assert.ok(report.retryInMs! > 0);
  assert.equal(timers.pending.length, 0);
});

test('pending() lists what waits, oldest first, for "waiting to send"', async () => {
  const { q } = queue([new TypeError('offline')], { store: new MemoryQueueStore() });
  const events = [started(1), started(2)];
  await queueOffline(q, events);
  assert.deepEqual((await q.pending()).map((p) => p.event), events);
});
