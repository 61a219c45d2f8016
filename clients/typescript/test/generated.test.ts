import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT_EVENT_SCHEMAS } from '../src/index.js';
import { kitDir, repoDir, sessionEvents } from './support.js';

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

test('self-check: a schema changed without regeneration makes `npm run check-generated` fail, naming the stale files', () => {
  const copy = mkdtempSync(join(tmpdir(), 'limber-schemas-'));
  try {
    for (const service of ['routine-service', 'session-service', 'reminder-service']) {
      const events = join(service, 'src', 'main', 'resources', 'events');
      cpSync(join(repoDir, events), join(copy, events), { recursive: true });
    }
    const script = join(kitDir, 'scripts', 'generate.mjs');
    const env = { ...process.env, LIMBER_REPO: copy };
    assert.doesNotThrow(() => execFileSync(process.execPath, [script, '--check'], { env, stdio: 'pipe' }));

    const file = join(copy, 'session-service', 'src', 'main', 'resources', 'events', 'session-pain-stopped.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.properties.data.properties.intensity = { type: 'integer' };
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const run = spawnSync(process.execPath, [script, '--check'], { env, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /src\/generated\/events\.ts, src\/generated\/schemas\.ts out of date with the schemas/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
