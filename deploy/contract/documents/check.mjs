// Checks Limber's contract documents with the ecosystem's own tools; run through ../check-documents.
//
// 1. Every AsyncAPI document (*/src/main/resources/events/asyncapi*.yaml) through the official AsyncAPI parser, which
//    also validates every payload schema it references (AsyncAPI's default schema format); each example listed in a
//    message must validate against that message's payload schema.
// 2. Every JSON Schema (*/src/main/resources/events/**/*.schema.json) compiled by ajv 8 in strict mode (draft
//    2020-12, ajv-formats); every example (*/src/main/resources/events/examples/*.json) validated against each schema
//    of its CloudEvents type (the producer's, and a consumer's in consumed/); every schema has an example.
// 3. Self-check: for each schema, a copy of the tree with a broken `"minLength": "x"` in it must make the parser fail
//    on the AsyncAPI document that references it, so no schema escapes the parser.
// 4. session-service's static OpenAPI file: its copies of the client event schemas and examples equal their files,
//    also in the document Quarkus generated from it.
// 5. Every service's generated OpenAPI document (<service>/target/openapi/openapi.yaml) through `redocly lint` with
//    the recommended rules; every `userId` path parameter's schema, compiled by ajv, accepts and refuses exactly the
//    shared cases of deploy/contract/rules/user-ids.json (design.md, Identifiers).
//
// Prints one line per document with its error count (details indented below it); exits 1 on any error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import { STATIC_FILE, differences } from './openapi-copies.mjs';

const require = createRequire(import.meta.url);
const { Parser, fromFile } = require('@asyncapi/parser');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const SERVICES = ['routine-service', 'session-service', 'reminder-service'];
const rel = (f) => path.relative(repo, f);

let failed = 0;
const USER_IDS = JSON.parse(fs.readFileSync(path.join(repo, 'deploy/contract/rules/user-ids.json'), 'utf8'));

/** Every `userId` path parameter of an OpenAPI document against the shared user-id cases. */
function userIdParameterErrors(document) {
  const errors = [];
  let checked = 0;
  const ajv = new Ajv2020({ strict: false });
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    const operations = Object.entries(item).filter(([k]) => ['get', 'put', 'post', 'delete', 'patch'].includes(k));
    for (const [method, operation] of operations) {
      for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        if (parameter.name !== 'userId' || parameter.in !== 'path') continue;
        checked += 1;
        const where = `${method.toUpperCase()} ${route} userId`;
        if (!parameter.schema?.pattern) {
          errors.push(`${where}: no pattern (design.md, Identifiers)`);
          continue;
        }
        const validate = ajv.compile(parameter.schema);
        for (const id of USER_IDS.accepted) if (!validate(id)) errors.push(`${where}: refuses ${JSON.stringify(id)}`);
        for (const id of USER_IDS.refused) if (validate(id)) errors.push(`${where}: accepts ${JSON.stringify(id)}`);
      }
    }
  }
  if (checked === 0) errors.push('no userId path parameter found');
  return { errors, checked };
}
function report(kind, file, errors, notes = [], extra = '') {
  failed += errors.length;
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  console.log(`${kind.padEnd(9)} ${file.padEnd(90)} ${count}${extra ? ` (${extra})` : ''}`);
  for (const e of errors) console.log(`          error: ${e}`);
  for (const n of notes) console.log(`          ${n}`);
}

function walk(dir, keep) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    return e.isDirectory() ? walk(f, keep) : keep(f) ? [f] : [];
  }).sort();
}

const eventsDir = (root, service) => path.join(root, service, 'src/main/resources/events');
const asyncapiDocs = (root) => SERVICES.flatMap((s) =>
  walk(eventsDir(root, s), (f) => /\/events\/asyncapi[^/]*\.ya?ml$/.test(f)));
const schemaFiles = SERVICES.flatMap((s) => walk(eventsDir(repo, s), (f) => f.endsWith('.schema.json')));
const exampleFiles = SERVICES.flatMap((s) => walk(path.join(eventsDir(repo, s), 'examples'), (f) => f.endsWith('.json')));
const readJson = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const ajvErrors = (errors) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);

// ---- 2a. ajv strict: every schema compiles ----
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const schemas = new Map(); // $id -> { file, type, validate }
const schemaErrors = new Map();
for (const file of schemaFiles) {
  const errors = [];
  schemaErrors.set(file, errors);
  let schema;
  try {
    schema = readJson(file);
    ajv.addSchema(schema);
    const validate = ajv.getSchema(schema.$id);
    const type = schema.properties?.type?.const;
    if (!schema.$id) errors.push('no $id');
    if (!type) errors.push('no properties.type.const: cannot tell which examples it describes');
    schemas.set(schema.$id, { file, type, validate });
  } catch (e) {
    errors.push(e.message);
  }
}

// ---- 2b. every example against every schema of its type ----
const exampleResults = [];
const examined = new Set();
for (const file of exampleFiles) {
  const errors = [];
  const against = [];
  let example;
  try {
    example = readJson(file);
  } catch (e) {
    errors.push(`not JSON: ${e.message}`);
  }
  if (example) {
    const matching = [...schemas.values()].filter((s) => s.validate && s.type && s.type === example.type);
    if (matching.length === 0) errors.push(`no schema for type ${JSON.stringify(example.type)}`);
    for (const s of matching) {
      examined.add(s.file);
      against.push(path.basename(s.file));
      if (!s.validate(example)) errors.push(...ajvErrors(s.validate.errors).map((m) => `${path.basename(s.file)}: ${m}`));
    }
  }
  exampleResults.push([file, errors, against]);
}
for (const file of schemaFiles) {
  if (!examined.has(file) && schemaErrors.get(file).length === 0) schemaErrors.get(file).push('no example of its type');
}

// ---- 1. the AsyncAPI parser ----
const parser = new Parser();
const SEVERITY = ['error', 'warning', 'info', 'hint'];
async function parse(file) {
  const { document, diagnostics } = await fromFile(parser, file).parse();
  const errors = diagnostics.filter((d) => d.severity === 0)
    .map((d) => `${d.code} at ${JSON.stringify(d.path)}: ${d.message}`);
  if (!document && errors.length === 0) errors.push('the parser returned no document');
  return { document, diagnostics, errors };
}

console.log('== AsyncAPI documents (@asyncapi/parser), with the examples their messages list');
for (const file of asyncapiDocs(repo)) {
  const { document, diagnostics, errors } = await parse(file);
  const others = diagnostics.filter((d) => d.severity > 0);
  const notes = others.filter((d) => d.severity === 1).map((d) => `warning: ${d.code}: ${d.message}`);
  let examples = 0;
  for (const message of document ? document.allMessages().all() : []) {
    const id = message.payload()?.json()?.$id;
    const validate = id && schemas.get(id)?.validate;
    for (const example of message.examples().all()) {
      if (example.payload() === undefined) continue;
      examples++;
      if (!validate) {
        errors.push(`message ${message.id()}: example ${example.name()} has no JSON Schema ($id) to be checked against`);
      } else if (!validate(example.payload())) {
        errors.push(...ajvErrors(validate.errors).map((m) => `message ${message.id()}, example ${example.name()}: ${m}`));
      }
    }
  }
  const counts = [1, 2, 3].map((s) => [SEVERITY[s], others.filter((d) => d.severity === s).length])
    .filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  report('asyncapi', rel(file), errors, notes, [`${examples} examples`, ...counts].join(', '));
}

console.log('== JSON Schemas (ajv 8 strict, draft 2020-12, ajv-formats)');
for (const file of schemaFiles) report('schema', rel(file), schemaErrors.get(file));
console.log('== Examples (each against the schemas of its type)');
for (const [file, errors, against] of exampleResults) report('example', rel(file), errors, [], against.join(', '));

// ---- 3. self-check: the parser catches a broken schema, whichever it is ----
console.log('== Self-check: a broken "minLength": "x" in each schema makes the AsyncAPI parser fail');
const refsOf = (doc) => [...fs.readFileSync(doc, 'utf8').matchAll(/\$ref:\s*['"]?([^'"\s}#]+\.json)/g)]
  .map((m) => path.resolve(path.dirname(doc), m[1]));
function breakMinLength(node) {
  if (Array.isArray(node)) return node.some(breakMinLength);
  if (node && typeof node === 'object') {
    if (typeof node.minLength === 'number') {
      node.minLength = 'x';
      return true;
    }
    return Object.values(node).some(breakMinLength);
  }
  return false;
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-contract-'));
try {
  const docs = asyncapiDocs(repo);
  for (const file of schemaFiles) {
    const errors = [];
    const referencing = docs.filter((d) => refsOf(d).includes(file));
    const schema = readJson(file);
    if (referencing.length === 0) {
      errors.push('no AsyncAPI document references it, so the parser never checks it');
    } else if (!breakMinLength(schema)) {
      errors.push('has no minLength to break');
    } else {
      const tree = fs.mkdtempSync(path.join(scratch, 'tree-'));
      for (const s of SERVICES) fs.cpSync(eventsDir(repo, s), eventsDir(tree, s), { recursive: true });
      fs.writeFileSync(path.join(tree, rel(file)), JSON.stringify(schema, null, 2));
      const { errors: found } = await parse(path.join(tree, rel(referencing[0])));
      if (!found.some((e) => e.includes('minLength'))) {
        errors.push(`the parser did not report it in ${rel(referencing[0])}`
          + (found.length ? ` (it reported only: ${found.join('; ')})` : ' (no error at all)'));
      }
      fs.rmSync(tree, { recursive: true, force: true });
    }
    report('selfcheck', rel(file), errors, [], referencing.length ? `via ${path.basename(referencing[0])}` : '');
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}

// ---- 4 and 5. OpenAPI ----
console.log('== OpenAPI documents (redocly lint, recommended rules)');
report('openapi', rel(STATIC_FILE), differences(YAML.parse(fs.readFileSync(STATIC_FILE, 'utf8')), 'the static file'),
  [], 'copies of the event schemas and examples');

const redocly = path.join(here, 'node_modules/.bin/redocly');
for (const service of SERVICES) {
  const file = path.join(repo, service, 'target/openapi/openapi.yaml');
  if (!fs.existsSync(file)) {
    report('openapi', rel(file), ['missing: build the service first (../check-documents does)']);
    continue;
  }
  const run = spawnSync(redocly, ['lint', '--extends=recommended', '--format=json', file], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  let result;
  try {
    result = JSON.parse(run.stdout);
  } catch {
    report('openapi', rel(file), [`redocly gave no result (exit ${run.status}): ${(run.stderr || '').trim().slice(-2000)}`]);
    continue;
  }
  const where = (p) => p.location?.map((l) => l.pointer).join(', ') ?? '';
  const errors = result.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} at ${where(p)}: ${p.message}`);
  const warnings = result.problems.filter((p) => p.severity === 'warn').map((p) => `warning: ${p.ruleId} at ${where(p)}: ${p.message}`);
  const document = YAML.parse(fs.readFileSync(file, 'utf8'));
  if (service === 'session-service') errors.push(...differences(document, 'as generated'));
  const userIds = userIdParameterErrors(document);
  errors.push(...userIds.errors);
  report('openapi', rel(file), errors, warnings,
    `${userIds.checked} userId path parameters, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
}

console.log(failed === 0 ? 'contract documents: 0 errors' : `contract documents: ${failed} error${failed === 1 ? '' : 's'}`);
process.exit(failed === 0 ? 0 : 1);
