import { CloudEvent } from 'cloudevents';
import type {
  PainReportedEvent,
  SessionCompletedEvent,
  SessionPainStoppedEvent,
  SessionStartedEvent,
} from './generated/events.js';
import { CLIENT_EVENT_SCHEMAS } from './generated/schemas.js';
import { assertValid, LimberEventInvalid, type ClientEventType } from './validation.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export type { PainReportedEvent, SessionCompletedEvent, SessionPainStoppedEvent, SessionStartedEvent };

/** Any event a client may send, in CloudEvents structured form (the JSON the ingress reads). */
export type ClientEvent = SessionStartedEvent | SessionCompletedEvent | SessionPainStoppedEvent | PainReportedEvent;

/** The event of one type. */
export type EventOf<T extends ClientEventType> = Extract<ClientEvent, { type: T }>;

/** The `data` of each event, as the schemas define it. */
export type SessionStartedData = SessionStartedEvent['data'];
export type SessionCompletedData = SessionCompletedEvent['data'];
export type SessionPainStoppedData = SessionPainStoppedEvent['data'];
export type PainReportedData = PainReportedEvent['data'];
export type Hold = SessionCompletedData['holds'][number];
export type RedFlag = SessionPainStoppedData['redFlags'][number];

/** What the app passes: the data without the user id, which comes from the kit's context (or may be given). */
export type DataInput<T extends ClientEventType> = Omit<EventOf<T>['data'], 'userId'> & { userId?: string };

/** Who sends: the person, and this app instance (`source`); the clock and id maker can be replaced in tests. */
export interface EventContext {
  userId: string;
  /** The sending app instance, e.g. `/clients/web/0c11`; with the id it deduplicates, so keep it per installation. */
  source: string;
  now?: () => Date;
  newId?: () => string;
}

/** Optional attributes of one event. */
export interface EventOptions {
  /** When it happened on the device; defaults to now. */
  time?: Date | string;
  /** Defaults to a random UUID, fixed now: a resend of this event is the same (source, id). */
  id?: string;
  subject?: string;
}

/**
 * Builds a client event with the official CloudEvents SDK and validates it as the ingress would, so an invalid event
 * is never built: {@link LimberEventInvalid} names each refused field (`$.data.pain`). The result is the structured
 * CloudEvent as plain, frozen JSON, ready to queue and resend unchanged.
 */
export function buildEvent<T extends ClientEventType>(
  type: T,
  data: DataInput<T>,
  context: EventContext,
  options: EventOptions = {},
): EventOf<T> {
  const now = context.now?.() ?? new Date();
  const time = options.time === undefined ? now : options.time;
  if (typeof time === 'string' ? !RFC3339.test(time) || Number.isNaN(Date.parse(time)) : Number.isNaN(time.getTime())) {
    // the SDK would throw a RangeError, or quietly turn '2026-11-22' into midnight UTC
    throw new LimberEventInvalid([{ field: '$.time', reason: 'must match format "date-time"' }], { time });
  }
  const cloudEvent = new CloudEvent<unknown>(
    {
      specversion: '1.0',
      id: options.id ?? context.newId?.() ?? globalThis.crypto.randomUUID(),
      source: context.source,
      type,
      time: typeof time === 'string' ? time : time.toISOString(),
      datacontenttype: 'application/json',
      dataschema: CLIENT_EVENT_SCHEMAS[type].$id,
      ...(options.subject === undefined ? {} : { subject: options.subject }),
      data: { userId: context.userId, ...data },
    },
    false, // the schema below is the judge, and names the field as the ingress does
  );
  const event = structured(cloudEvent);
  assertValid(event, now);
  return deepFreeze(event) as unknown as EventOf<T>;
}

/** The structured-mode JSON of an SDK event (unset attributes left out). */
export function structured(event: CloudEvent<unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

/** The SDK's CloudEvent for a built event, for apps that send it another way (e.g. `HTTP.binary`). */
export function toCloudEvent(event: ClientEvent): CloudEvent<unknown> {
  return new CloudEvent<unknown>({ ...event } as never);
}

/** Event builders bound to one person and app instance. */
export function eventBuilders(context: EventContext) {
  return {
    sessionStarted: (data: DataInput<'limber.session.started'>, options?: EventOptions) =>
      buildEvent('limber.session.started', data, context, options),
    sessionCompleted: (data: DataInput<'limber.session.completed'>, options?: EventOptions) =>
      buildEvent('limber.session.completed', data, context, options),
    sessionPainStopped: (data: DataInput<'limber.session.pain-stopped'>, options?: EventOptions) =>
      buildEvent('limber.session.pain-stopped', data, context, options),
    painReported: (data: DataInput<'limber.pain.reported'>, options?: EventOptions) =>
      buildEvent('limber.pain.reported', data, context, options),
  };
}

export type EventBuilders = ReturnType<typeof eventBuilders>;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value as object).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
