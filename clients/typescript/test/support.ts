import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** clients/typescript, from build/test/ where the compiled tests run. */
export const kitDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoDir = join(kitDir, '..', '..');

export function readJson<T = any>(...path: string[]): T {
  return JSON.parse(readFileSync(join(repoDir, ...path), 'utf8')) as T;
}

export const sessionEvents = (file: string) => readJson('session-service', 'src', 'main', 'resources', 'events', file);

export interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: any;
}

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/**
 * A fetch that answers from a script, in order (the last answer repeats), and records every request; an Error
 * answer is thrown as the network failing.
 */
export function fakeFetch(answers: Answer[] | ((request: Recorded) => Answer)) {
  const requests: Recorded[] = [];
  let i = 0;
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const request: Recorded = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const answer = typeof answers === 'function' ? answers(request) : answers[Math.min(i++, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(answer.status === 204 ? null : text, { status: answer.status, headers: answer.headers ?? {} });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/** Timers a test fires by hand. */
export function manualTimers() {
  const pending: { callback: () => void; ms: number; id: number }[] = [];
  let next = 1;
  return {
    pending,
    setTimeout(callback: () => void, ms: number) {
      const id = next++;
      pending.push({ callback, ms, id });
      return id;
    },
    clearTimeout(handle: unknown) {
      const at = pending.findIndex((p) => p.id === handle);
      if (at >= 0) pending.splice(at, 1);
    },
    /** Runs the earliest scheduled callback; returns its delay. */
    fire(): number {
      const first = pending.shift();
      if (!first) throw new Error('nothing scheduled');
      first.callback();
      return first.ms;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
