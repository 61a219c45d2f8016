import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { problemsOf } from '../src/index.js';
import { fakeFetch, kitDir } from './support.js';

// The README's code, run as a client team would run it (against a fake fetch): it must stay true.
const readme = readFileSync(join(kitDir, 'README.md'), 'utf8');
const kitEntry = pathToFileURL(join(kitDir, 'build', 'src', 'index.js')).href;

/** The first code block after the heading, with the package import pointed at this build. */
function block(heading: string): string {
  const at = readme.indexOf(`## ${heading}`);
  assert.ok(at >= 0, `README has no "## ${heading}"`);
  const code = /```(?:ts|js)\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(code, `no code under "## ${heading}"`);
  return code[1]!.replaceAll("'@limber/client'", `'${kitEntry}'`);
}

async function run(name: string, code: string) {
  const file = join(kitDir, 'build', `readme-${name}.mjs`);
  writeFileSync(file, code);
  await import(`${pathToFileURL(file).href}?${Date.now()}`);
}

function withFetch<T>(fn: () => Promise<T>) {
  const { fetch, requests } = fakeFetch((r) => ({ status: 202, body: { accepted: 1, ids: [r.body.id] } }));
  const original = globalThis.fetch;
  globalThis.fetch = fetch;
  return fn().then(
    (v) => ((globalThis.fetch = original), { v, requests }),
    (e) => {
      globalThis.fetch = original;
      throw e;
    },
  );
}

test('the README pain-stop is three lines, and the ingress receives a valid pain-stop from them', async () => {
  const code = block('A pain-stop in three lines');
  assert.equal(code.trim().split('\n').length, 3);
  const { requests } = await withFetch(() => run('pain-stop', code));
  assert.equal(requests.length, 1);
  assert.equal(requests[0]!.url, 'http://127.0.0.1:8082/events');
  assert.equal(requests[0]!.body.type, 'limber.session.pain-stopped');
  assert.deepEqual(problemsOf(requests[0]!.body), []);
});

test("the README's first event reaches the ingress with the person's token and prints 'accepted'", async () => {
  const printed: unknown[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => printed.push(args.join(' '));
  Object.assign(process.env, { U: '11111111-2222-3333-4444-555555555555', TOKEN: 'dev-token' });
  try {
    const { requests } = await withFetch(() => run('first-event', firstEventBlock()));
    assert.equal(requests[0]!.url, 'http://127.0.0.1:8082/events');
    assert.equal(requests[0]!.headers['authorization'], 'Bearer dev-token');
    assert.equal(requests[0]!.body.data.userId, process.env.U);
  } finally {
    console.log = log;
  }
  assert.match(String(printed[0]), /^accepted [0-9a-f-]{36}$/);
});

/** The install section has bash blocks first; the app's code is its js block. */
function firstEventBlock(): string {
  const at = readme.indexOf('`first-event.mjs` in your app');
  const code = /```js\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(code, 'no first-event.mjs block');
  return code[1]!.replaceAll("'@limber/client'", `'${kitEntry}'`);
}

test("the README's refusal example names $.data.pain", async () => {
  const at = readme.indexOf('throws `LimberEventInvalid` before anything is queued');
  const code = /```ts\n([\s\S]*?)```/.exec(readme.slice(at))![1]!.replaceAll("'@limber/client'", `'${kitEntry}'`);
  const setup = `import { createLimberClient } from '${kitEntry}';\nconst limber = createLimberClient({ baseUrl: 'http://x', userId: 'u-1', token: () => 't', flushWhenOnline: false });\n`;
  const printed: unknown[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => printed.push(args[0]);
  try {
    await run('refusal', setup + code);
  } finally {
    console.log = log;
  }
  assert.deepEqual(printed[0], [{ field: '$.data.pain', reason: 'must be <= 10' }]);
});
