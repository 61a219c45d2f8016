import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HTTP } from 'cloudevents';
import {
  buildEvent,
  eventBuilders,
  LimberEventInvalid,
  problemsOf,
  toCloudEvent,
  type ClientEvent,
} from '../src/index.js';
import { readJson, sessionEvents } from './support.js';

const NOW = new Date('2026-11-22T19:00:00Z');
const context = { userId: '3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10', source: '/clients/web/0c11', now: () => NOW };
const build = eventBuilders(context);
const stop = {
  sessionId: 'e2b6f1a3-8c55-4a1f-9f4a-2e3c4d5e6f70',
  routineId: 'lower-back-stretches',
  routineVersion: 1,
  startedAt: '2026-11-22T18:58:00Z',
  exerciseId: 'forward-fold',
  pain: 7,
  sharp: true,
  redFlags: [] as never[],
};

function refusal(fn: () => unknown): LimberEventInvalid {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof LimberEventInvalid, String(e));
    return e;
  }
  assert.fail('no LimberEventInvalid');
}

test('every client example in session-service validates', () => {
  for (const file of ['session-started', 'session-completed', 'session-pain-stopped', 'session-pain-stopped-red-flag', 'pain-reported']) {
    const example = sessionEvents(`examples/${file}.json`);
    assert.deepEqual(problemsOf(example, new Date(example.time)), [], file);
  }
});

test('a pain-stop is built with the CloudEvents SDK: fixed id and source, the schema as dataschema, frozen', () => {
  const event = build.sessionPainStopped(stop);
  assert.equal(event.specversion, '1.0');
  assert.equal(event.type, 'limber.session.pain-stopped');
  assert.equal(event.source, '/clients/web/0c11');
  assert.match(event.id, /^[0-9a-f-]{36}$/);
  assert.equal(event.time, NOW.toISOString());
  assert.equal(event.datacontenttype, 'application/json');
  assert.equal(event.dataschema, 'urn:limber:schema:session-pain-stopped:1');
  assert.equal(event.data.userId, context.userId);
  assert.ok(Object.isFrozen(event) && Object.isFrozen(event.data));
  assert.notEqual(build.sessionPainStopped(stop).id, event.id);
});

test('the SDK reads a built event back, and writes it in binary mode with the same attributes', () => {
  const event = build.sessionStarted({ sessionId: 's-1', routineId: 'core-strength', routineVersion: 1, startedAt: NOW.toISOString() });
  const message = HTTP.binary(toCloudEvent(event));
  assert.equal(message.headers['ce-id'], event.id);
  assert.equal(message.headers['ce-type'], 'limber.session.started');
  assert.equal(message.headers['ce-source'], event.source);
  assert.deepEqual(JSON.parse(message.body as string), event.data);
});

test('pain above 10 is refused naming $.data.pain, as the ingress would', () => {
  const e = refusal(() => build.sessionPainStopped({ ...stop, pain: 11 }));
  assert.deepEqual(e.problems.map((p) => p.field), ['$.data.pain']);
  assert.match(e.message, /\$\.data\.pain: must be <= 10/);
});

test('a missing property is named itself, not its parent', () => {
  const { sharp: _, ...withoutSharp } = stop;
  const e = refusal(() => build.sessionPainStopped(withoutSharp as typeof stop));
  assert.deepEqual(e.problems, [{ field: '$.data.sharp', reason: "must have required property 'sharp'" }]);
});

test('array items are named by index: a hold without seconds or reps', () => {
  const e = refusal(() =>
    build.sessionCompleted({
      sessionId: 's', routineId: 'r', routineVersion: 1, startedAt: '2026-11-22T18:00:00Z', completedAt: '2026-11-22T18:10:00Z',
      holds: [{ exerciseId: 'a', position: 'left', seconds: 60 }, { exerciseId: 'a', position: 'right' } as never],
    }),
  );
  assert.ok(e.problems.every((p) => p.field.startsWith('$.data.holds[1]')), JSON.stringify(e.problems));
  assert.ok(e.problems.some((p) => p.field === '$.data.holds[1].seconds'));
});

test('an unknown red flag and a repeated one are refused', () => {
  assert.deepEqual(refusal(() => build.sessionPainStopped({ ...stop, redFlags: ['headache' as never] })).problems.map((p) => p.field), ['$.data.redFlags[0]']);
  assert.deepEqual(
    refusal(() => build.sessionPainStopped({ ...stop, redFlags: ['saddle-numbness', 'saddle-numbness'] })).problems.map((p) => p.field),
    ['$.data.redFlags'],
  );
});

test('user ids: the shared cases every service is pinned to (deploy/contract/rules/user-ids.json)', () => {
  const cases = readJson<{ accepted: string[]; refused: string[] }>('deploy', 'contract', 'rules', 'user-ids.json');
  for (const userId of cases.accepted) {
    assert.doesNotThrow(() => build.painReported({ userId, pain: 2, settled: true }), JSON.stringify(userId));
  }
  for (const userId of cases.refused) {
    const fields = refusal(() => build.painReported({ userId, pain: 2, settled: true })).problems.map((p) => p.field);
    assert.ok(fields.includes('$.data.userId'), `${JSON.stringify(userId)}: ${fields}`);
  }
});

test('event time: the shared bounds (deploy/contract/rules/event-time.json) refuse naming $.time', () => {
  const cases = readJson<{ now: string; accepted: string[]; refused: string[]; refusedAbsolute: string[] }>('deploy', 'contract', 'rules', 'event-time.json');
  const now = new Date(cases.now);
  const at = (offset: string) => new Date(now.getTime() + durationMs(offset)).toISOString();
  const pain = (time: string) => buildEvent('limber.pain.reported', { pain: 1, settled: true }, { ...context, now: () => now }, { time });
  for (const offset of cases.accepted) assert.doesNotThrow(() => pain(at(offset)), offset);
  for (const time of [...cases.refused.map(at), ...cases.refusedAbsolute]) {
    assert.deepEqual(refusal(() => pain(time)).problems.map((p) => p.field), ['$.time'], time);
  }
});

test('a time that is not RFC 3339 is refused by format', () => {
  assert.deepEqual(
    refusal(() => buildEvent('limber.pain.reported', { pain: 1, settled: true }, context, { time: '22/11/2026 19:00' })).problems.map((p) => p.field),
    ['$.time'],
  );
});

test('a NUL character is refused where it is, as the ingress does', () => {
  const e = refusal(() => build.sessionPainStopped({ ...stop, sessionId: 'a\u0000b' }));
  assert.deepEqual(e.problems, [{ field: '$.data.sessionId', reason: 'must not contain a NUL character' }]);
});

test('an event that is not a client event is refused naming $.type', () => {
  assert.deepEqual(problemsOf(sessionEvents('examples/adherence-updated.json')), [
    { field: '$.type', reason: "not a client event type 'limber.adherence.updated'" },
  ]);
  assert.deepEqual(problemsOf({ specversion: '1.0' }), [{ field: '$.type', reason: 'required' }]);
  assert.deepEqual(problemsOf([]), [{ field: '$', reason: 'a CloudEvent must be a JSON object' }]);
});

test('hand-made events are judged the same way (envelope attributes too)', () => {
  const example = sessionEvents('examples/pain-reported.json') as ClientEvent;
  const fields = problemsOf({ ...example, specversion: '0.3', id: '' }, new Date(example.time)).map((p) => p.field);
  assert.deepEqual(fields, ['$.id', '$.specversion']);
});

/** An ISO-8601 duration as the shared cases write them (-P365DT0.001S, PT24H, P3000D), in milliseconds. */
function durationMs(text: string): number {
  const m = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text);
  if (!m) throw new Error(`duration ${text}`);
  const ms = (Number(m[2] ?? 0) * 86400 + Number(m[3] ?? 0) * 3600 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 1000;
  return m[1] ? -ms : ms;
}
