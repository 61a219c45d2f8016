import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { CLIENT_EVENT_SCHEMAS } from './generated/schemas.js';

/** The CloudEvents types a client may send to session-service. */
export type ClientEventType = keyof typeof CLIENT_EVENT_SCHEMAS;
export const CLIENT_EVENT_TYPES = Object.keys(CLIENT_EVENT_SCHEMAS) as ClientEventType[];

/** One refused field, named as the ingress names it: a JSON path such as `$.data.pain`. */
export interface Problem {
  field: string;
  reason: string;
}

/** The kit refused to build or queue an event: the same refusal the ingress would answer with 400. */
export class LimberEventInvalid extends Error {
  constructor(
    readonly problems: Problem[],
    readonly event: unknown,
  ) {
    super(`invalid event: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`);
    this.name = 'LimberEventInvalid';
  }
}

/** design.md's event-time bounds: the ingress refuses a `time` more than 24 h ahead or 365 days behind its clock. */
export const CLOCK_SKEW_ALLOWANCE_MS = 24 * 60 * 60 * 1000;
export const OLDEST_MS = 365 * 24 * 60 * 60 * 1000;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

function validator(type: ClientEventType): ValidateFunction {
  let v = compiled.get(type);
  if (!v) {
    v = ajv.compile(CLIENT_EVENT_SCHEMAS[type]);
    compiled.set(type, v);
  }
  return v;
}

export function isClientEventType(type: unknown): type is ClientEventType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(CLIENT_EVENT_SCHEMAS, type);
}

/**
 * Everything session-service's ingress would refuse in this structured event, in its words' shape: the schema of its
 * type (draft 2020-12, formats asserted, user-id syntax included), a NUL character in any string, and the event-time
 * bounds against this device's clock. Empty when the ingress would take it.
 */
export function problemsOf(event: unknown, now: Date = new Date()): Problem[] {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    return [{ field: '$', reason: 'a CloudEvent must be a JSON object' }];
  }
  const type = (event as { type?: unknown }).type;
  if (!isClientEventType(type)) {
    return [{ field: '$.type', reason: type === undefined ? 'required' : `not a client event type ${quoted(String(type))}` }];
  }
  const validate = validator(type);
  const problems: Problem[] = [];
  if (!validate(event)) {
    for (const error of validate.errors ?? []) problems.push(problemOf(error, event));
  }
  nulCharacters(event, '$', problems);
  if (problems.length === 0) {
    const time = Date.parse((event as { time: string }).time);
    if (time > now.getTime() + CLOCK_SKEW_ALLOWANCE_MS) {
      problems.push({ field: '$.time', reason: "more than 24 h after this device's clock" });
    } else if (time < now.getTime() - OLDEST_MS) {
      problems.push({ field: '$.time', reason: "more than one year (365 days) before this device's clock" });
    }
  }
  return dedupe(problems).sort((a, b) => (a.field === b.field ? cmp(a.reason, b.reason) : cmp(a.field, b.field)));
}

/** Throws {@link LimberEventInvalid} unless the ingress would take the event. */
export function assertValid(event: unknown, now?: Date): void {
  const problems = problemsOf(event, now);
  if (problems.length > 0) throw new LimberEventInvalid(problems, event);
}

/** An ajv error as the ingress reports it: the JSON path of the value (a missing property named itself). */
function problemOf(error: ErrorObject, event: object): Problem {
  let field = jsonPath(error.instancePath, event);
  if (error.keyword === 'required') {
    field += segment((error.params as { missingProperty: string }).missingProperty, false);
  }
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const reason = error.message ?? error.keyword;
  return { field, reason: allowed ? `${reason}: ${allowed.map((a) => JSON.stringify(a)).join(', ')}` : reason };
}

/** `/data/holds/0/seconds` → `$.data.holds[0].seconds`, walking the event so array indices are told from keys. */
function jsonPath(pointer: string, root: unknown): string {
  let path = '$';
  let node: unknown = root;
  if (pointer === '') return path;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += segment(key, Array.isArray(node));
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

function segment(key: string, index: boolean): string {
  if (index) return `[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

function nulCharacters(node: unknown, path: string, problems: Problem[]): void {
  if (typeof node === 'string') {
    if (node.includes('\0')) problems.push({ field: path, reason: 'must not contain a NUL character' });
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => nulCharacters(item, `${path}[${i}]`, problems));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) nulCharacters(value, path + segment(key, false), problems);
  }
}

/** A value the app chose, safe in a message: quoted, control characters escaped, at most 80 characters. */
function quoted(value: string): string {
  const chars = Array.from(value);
  const body = chars
    .slice(0, 80)
    .map((c) => (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}']/u.test(c) ? `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}` : c))
    .join('');
  return `'${body}${chars.length > 80 ? '…' : ''}'`;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0000${p.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
