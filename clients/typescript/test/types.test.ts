import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  Adherence,
  ClientEvent,
  EventOf,
  Hold,
  Plan,
  RedFlag,
  SessionPainStoppedEvent,
} from '../src/index.js';
import { eventBuilders } from '../src/index.js';
import { readJson, sessionEvents } from './support.js';

// These are compile-time tests: `npm test` compiles this file with tsc first, and an expected error that does not
// happen (or an unexpected one) fails the build.
const build = eventBuilders({ userId: 'p-1', source: '/clients/test/1' });

test('the examples are assignable to the generated event types', () => {
  const stopped: SessionPainStoppedEvent = sessionEvents('examples/session-pain-stopped.json');
  const any: ClientEvent = stopped;
  const narrowed: EventOf<'limber.session.pain-stopped'> = stopped;
  const flags: RedFlag[] = ['saddle-numbness', 'bladder-bowel-change', 'leg-weakness-worsening'];
  const hold: Hold = { exerciseId: 'crossover', position: 'left', seconds: 45 };
  assert.equal(any.type, narrowed.type);
  assert.equal(flags.length, 3);
  assert.equal(hold.seconds, 45);
});

test('the types refuse what the schemas refuse, at compile time', () => {
  const base = { sessionId: 's', routineId: 'r', routineVersion: 1, startedAt: '2026-11-30T09:00:00Z', exerciseId: 'e' };
  assert.throws(() =>
    // @ts-expect-error sharp is required
    build.sessionPainStopped({ ...base, pain: 3, redFlags: [] }),
  );
  assert.throws(() =>
    // @ts-expect-error an unknown red flag
    build.sessionPainStopped({ ...base, pain: 3, sharp: false, redFlags: ['headache'] }),
  );
  assert.throws(() =>
    // @ts-expect-error pain is a number
    build.sessionPainStopped({ ...base, pain: 'a lot', sharp: false, redFlags: [] }),
  );
  // @ts-expect-error a hold needs seconds or reps
  const noDose: Hold = { exerciseId: 'x', position: 'left' };
  assert.ok(noDose);
  // @ts-expect-error not a client event type
  const wrong: ClientEvent['type'] = 'limber.adherence.updated';
  assert.ok(wrong);
});

test('the REST reads that are producers\' event data are typed from their schemas', () => {
  const plan: Plan = readJson('routine-service', 'src', 'main', 'resources', 'events', 'examples', 'plan-published.json').data;
  const adherence: Adherence = sessionEvents('examples/adherence-updated.json').data;
  assert.ok(plan.routines.length > 0);
  assert.equal(typeof adherence.routines[0]?.streak, 'number');
});
