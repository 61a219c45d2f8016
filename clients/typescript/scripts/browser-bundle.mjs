#!/usr/bin/env node
// Writes dist/browser.js: the kit and its dependencies in one minified ESM file for browsers (the package's
// "browser" export, so an app's bundler needs no settings), prints its size, then runs it in a bare JavaScript
// context (no node process, require or modules) to prove it loads and builds a valid pain-stop outside node.
// Needs dist/ from tsc first (npm run build does both).
//
// Why the settings: the CloudEvents SDK requires node's http, https and events for its own transports, which the
// kit never uses (it sends with fetch): they become scripts/browser-stub.cjs. Its `util` polyfill reads
// process.env when it loads: process.env is {} here.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const kit = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(kit, 'scripts', 'browser-stub.cjs');
const options = {
  entryPoints: [join(kit, 'dist', 'index.js')],
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'error',
  legalComments: 'eof',
  alias: { http: stub, https: stub, events: stub },
  define: { 'process.env': '{}' },
};

const esm = await build({ ...options, format: 'esm', metafile: true });
const code = esm.outputFiles[0].contents;
await writeFile(join(kit, 'dist', 'browser.js'), code);
const inputs = Object.values(esm.metafile.outputs)[0].inputs;
const byPackage = {};
for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  const name = m ? m[1] : 'the kit';
  byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
}
const top = Object.entries(byPackage)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 5)
  .map(([n, b]) => `${n} ${(b / 1024).toFixed(0)} KiB`);

const iife = await build({ ...options, format: 'iife', globalName: 'Limber' });
const context = vm.createContext({ crypto: globalThis.crypto, TextEncoder, TextDecoder, URL, console });
vm.runInContext(iife.outputFiles[0].text, context);
const event = vm.runInContext(`
  Limber.eventBuilders({ userId: 'p-1', source: '/clients/web/smoke' }).sessionPainStopped({
    sessionId: 's-1', routineId: 'lower-back-stretches', routineVersion: 1, startedAt: new Date().toISOString(),
    exerciseId: 'forward-fold', pain: 7, sharp: true, redFlags: [] })`, context);
if (event.type !== 'limber.session.pain-stopped') throw new Error('the browser bundle did not build a pain-stop');

console.log(`[client kit] dist/browser.js: ${code.length} bytes minified, ${gzipSync(code).length} gzipped ` +
  `(${top.join(', ')}); loads and builds a pain-stop without node`);
