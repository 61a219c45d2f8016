// session-service's static OpenAPI file (src/main/resources/META-INF/openapi.yaml) carries copies of the JSON Schemas
// of the client events and of their examples, so the served document is whole. This keeps the copies equal to the
// files under src/main/resources/events/.
//
//   node openapi-copies.mjs          exit 1 and name each copy that differs from its source
//   node openapi-copies.mjs --write  rewrite the copies from their sources
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const events = path.join(repo, 'session-service/src/main/resources/events');
export const STATIC_FILE = path.join(repo, 'session-service/src/main/resources/META-INF/openapi.yaml');

const read = (file) => JSON.parse(fs.readFileSync(path.join(events, file), 'utf8'));

/** Every copy: where it sits in the document, what it must equal, and where that comes from. */
export function copies() {
  const schema = (name, file) => ({ at: ['components', 'schemas', name], source: file, value: read(file) });
  const example = (name, source, value) => ({ at: ['components', 'examples', name, 'value'], source, value });
  return [
    schema('SessionStarted', 'session-started.schema.json'),
    schema('SessionCompleted', 'session-completed.schema.json'),
    schema('SessionPainStopped', 'session-pain-stopped.schema.json'),
    schema('PainReported', 'pain-reported.schema.json'),
    example('SessionStarted', 'examples/session-started.json', read('examples/session-started.json')),
    example('SessionCompleted', 'examples/session-completed.json', read('examples/session-completed.json')),
    example('SessionPainStopped', 'examples/session-pain-stopped.json', read('examples/session-pain-stopped.json')),
    example('SessionPainStoppedRedFlag', 'examples/session-pain-stopped-red-flag.json',
      read('examples/session-pain-stopped-red-flag.json')),
    example('PainReported', 'examples/pain-reported.json', read('examples/pain-reported.json')),
    example('Batch', 'examples/session-started.json and session-completed.json',
      [read('examples/session-started.json'), read('examples/session-completed.json')]),
    example('BinarySessionPainStopped', 'the data of examples/session-pain-stopped.json',
      read('examples/session-pain-stopped.json').data),
  ];
}

/** The copies in an OpenAPI document (parsed) that differ from their sources. */
export function differences(document, what) {
  return copies().filter((c) => !isDeepStrictEqual(c.at.reduce((node, key) => node?.[key], document), c.value))
    .map((c) => `${what}: ${c.at.join('.')} differs from ${c.source}`
      + ' (node deploy/contract/documents/openapi-copies.mjs --write)');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = YAML.parseDocument(fs.readFileSync(STATIC_FILE, 'utf8'));
  const stale = copies().filter((c) => !isDeepStrictEqual(doc.getIn(c.at)?.toJSON?.() ?? doc.getIn(c.at), c.value));
  if (process.argv.includes('--write')) {
    for (const c of stale) doc.setIn(c.at, doc.createNode(c.value));
    if (stale.length) fs.writeFileSync(STATIC_FILE, doc.toString({ lineWidth: 118 }));
    console.log(`${path.relative(repo, STATIC_FILE)}: ${stale.length} copies rewritten`);
  } else if (stale.length) {
    for (const c of stale) console.log(`  ${c.at.join('.')} differs from ${c.source}`);
    console.log(`  fix: node ${path.relative(process.cwd(), fileURLToPath(import.meta.url))} --write`);
    process.exit(1);
  }
}
