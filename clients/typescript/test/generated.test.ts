import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT_EVENT_SCHEMAS } from '../src/index.js';
import { kitDir, sessionEvents } from './support.js';

test('the generated code is what the producers\' schemas give today (run `npm run generate` after a schema change)', async () => {
  const generator = await import(pathToFileURL(join(kitDir, 'scripts', 'generate.mjs')).href);
  const expected: Record<string, string> = await generator.generated();
  for (const [file, text] of Object.entries(expected)) {
    const current = await readFile(join(kitDir, 'src', 'generated', file), 'utf8');
    assert.equal(current, text, `src/generated/${file} is stale: run npm run generate in clients/typescript`);
  }
});

test('the schemas the kit validates with are session-service\'s files, unchanged', () => {
  for (const [type, file] of [
    ['limber.session.started', 'session-started'],
    ['limber.session.completed', 'session-completed'],
    ['limber.session.pain-stopped', 'session-pain-stopped'],
    ['limber.pain.reported', 'pain-reported'],
  ] as const) {
    assert.deepEqual(CLIENT_EVENT_SCHEMAS[type], sessionEvents(`${file}.schema.json`), type);
  }
});
