import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLimberClient, LimberHttpError, LimberReads } from '../src/index.js';
import { fakeFetch, readJson, sessionEvents } from './support.js';

const urls = { routine: 'http://localhost:8081', session: 'http://localhost:8082/', reminder: 'http://localhost:8083' };
const plan = readJson('routine-service', 'src', 'main', 'resources', 'events', 'examples', 'plan-published.json').data;
const adherence = sessionEvents('examples/adherence-updated.json').data;

function reads(answers: Parameters<typeof fakeFetch>[0], userId = '3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10') {
  const { fetch, requests } = fakeFetch(answers);
  const tokens: boolean[] = [];
  const r = new LimberReads({ urls, userId, fetch, token: ({ forceRefresh }) => (tokens.push(forceRefresh), forceRefresh ? 'fresh' : 'old') });
  return { r, requests, tokens };
}

test("the person's plan from routine-service, with their bearer token", async () => {
  const { r, requests } = reads([{ status: 200, body: plan }]);
  const got = await r.plan();
  assert.deepEqual(got, plan);
  assert.equal(requests[0]!.url, 'http://localhost:8081/users/3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10/plan');
  assert.equal(requests[0]!.method, 'GET');
  assert.equal(requests[0]!.headers['authorization'], 'Bearer old');
});

test('each read goes to its service and path', async () => {
  const { r, requests } = reads([{ status: 200, body: [] }]);
  await r.catalogue();
  await r.routine('core-strength');
  await r.routine('core-strength', 2);
  await r.planHistory();
  await r.adherence();
  await r.sessions(1, 50);
  await r.nudges();
  await r.nextReminder();
  const user = '/users/3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10';
  assert.deepEqual(requests.map((q) => q.url), [
    'http://localhost:8081/routines',
    'http://localhost:8081/routines/core-strength',
    'http://localhost:8081/routines/core-strength/versions/2',
    `http://localhost:8081${user}/plan/history`,
    `http://localhost:8082${user}/adherence`,
    `http://localhost:8082${user}/sessions?page=1&size=50`,
    `http://localhost:8083${user}/nudges`,
    `http://localhost:8083${user}/next`,
  ]);
});

test('adherence is the snapshot session-service publishes', async () => {
  const { r } = reads([{ status: 200, body: adherence }]);
  const got = await r.adherence();
  assert.equal(got?.routines[0]?.streak, adherence.routines[0].streak);
  assert.equal(got?.pain.maxPain28, 7);
});

test('404 (no plan yet, nothing planned) reads as null', async () => {
  const { r } = reads([{ status: 404, body: { error: 'unknown user' } }]);
  assert.equal(await r.plan(), null);
  assert.equal(await r.adherence(), null);
  assert.equal(await r.sessions(), null);
  assert.equal(await r.nextReminder(), null);
  assert.equal(await r.routine('nope'), null);
});

test('401 asks the token provider for a fresh token once', async () => {
  const { r, requests, tokens } = reads((q) => (q.headers['authorization'] === 'Bearer fresh' ? { status: 200, body: [] } : { status: 401 }));
  assert.deepEqual(await r.nudges(), []);
  assert.deepEqual(tokens, [false, true]);
  assert.equal(requests.length, 2);
});

test('other refusals throw LimberHttpError with the status', async () => {
  const { r } = reads([{ status: 403, body: { title: 'Forbidden', status: 403, detail: 'not yours' } }]);
  await assert.rejects(r.nudges(), (e: unknown) => e instanceof LimberHttpError && e.status === 403 && /not yours/.test(e.message));
});

test('a user id is put in the path encoded', async () => {
  const { r, requests } = reads([{ status: 200, body: plan }], 'auth0:abc.DEF_123');
  await r.plan();
  assert.equal(requests[0]!.url, 'http://localhost:8081/users/auth0%3Aabc.DEF_123/plan');
});

test('createLimberClient: one base URL for all, events to <session>/events, reads beside them', async () => {
  const { fetch, requests } = fakeFetch((q) => (q.method === 'POST' ? { status: 202, body: { accepted: 1, ids: [q.body.id] } } : { status: 200, body: [] }));
  const limber = createLimberClient({ baseUrl: 'https://api.limber.test/', userId: 'p-1', source: '/clients/web/0c11', token: () => 't', fetch, flushWhenOnline: false });
  const report = await limber.send(limber.events.painReported({ pain: 2, settled: true }));
  assert.equal(report.accepted.length, 1);
  await limber.reads.nudges();
  assert.deepEqual(requests.map((q) => `${q.method} ${q.url}`), ['POST https://api.limber.test/events', 'GET https://api.limber.test/users/p-1/nudges']);
  assert.equal(requests[0]!.body.source, '/clients/web/0c11');
  assert.equal(requests[0]!.body.data.userId, 'p-1');
});

test('createLimberClient without a source makes one per instance', () => {
  const limber = createLimberClient({ baseUrl: urls, userId: 'p-1', token: () => 't', flushWhenOnline: false });
  assert.match(limber.source, /^\/clients\/typescript\/[0-9a-f-]{36}$/);
  assert.equal(limber.events.painReported({ pain: 0, settled: true }).source, limber.source);
});
