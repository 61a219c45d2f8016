#!/usr/bin/env node
// The README's walkthrough as a test: runs every command block a newcomer is told to run, against the started local
// stack, and checks each answer the README shows.
//
//   node deploy/local/readme-walkthrough.mjs [--stack-log FILE] [README.md]
//        (from the repository's root; deploy/prometheus/check-live runs it against the stack it started, with the
//        stack's output as FILE)
//
// What it reads: the parts of the README between `<!-- walkthrough -->` and `<!-- /walkthrough -->`. In them, every
// ```bash block runs, in order, in ONE bash process started in the repository's root (so `U=…` set in one block is
// there in the next, as in a newcomer's terminal). A ```text block right after a bash block is the answer the README
// shows: the block's standard output must have the same lines, where `…` in a shown line stands for any text (an id, a
// time, the rest of a long JSON answer). A bash block without a text block must only succeed (exit status 0).
// A block that only reads (no PUT/POST/DELETE, no producer) is run again, for up to 30 s, until its answer matches:
// what the services do with an event happens a moment after the event is accepted.
// With --stack-log, two more checks first:
// - the ```text block after `<!-- output of deploy/local/run -->` is what the stack printed: each of its lines, in
//   order, is a line of FILE (`…` as above); the live summary's lines (from the `──` line on) must be ONE summary with a
//   known cohort ("N of M"), and in them any figure stands for any figure, because
// - the figures are the services' metrics: the last summary's "cohort adherent … N of M" must equal
//   session-service's limber_cohort_people (adherent; adherent + not-adherent) scraped at the same moment (tried
//   for up to 60 s, for a summary printed after the metrics last changed).
// Exit: 0 every block ran and matched; 1 a block failed or answered otherwise (both answers are printed); 2 no
// walkthrough found.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const RETRY_FOR_MS = 30_000;
const BLOCK_TIMEOUT_MS = 60_000;

/** The walkthrough's blocks: [{ command, expected (array of lines or null), line }]. */
export function walkthroughBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  let inside = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '<!-- walkthrough -->') { inside = true; continue; }
    if (line === '<!-- /walkthrough -->') { inside = false; continue; }
    if (!inside || !/^```(bash|text)$/.test(line)) continue;
    const kind = line.slice(3);
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    const body = lines.slice(start, end);
    if (kind === 'bash') {
      blocks.push({ command: body.join('\n'), expected: null, line: start });
    } else if (blocks.length && blocks.at(-1).expected === null && followsDirectly(lines, blocks.at(-1), i)) {
      blocks.at(-1).expected = body;
    }
    i = end;
  }
  return blocks;
}

/** A text block belongs to the bash block before it when only blank lines stand between them. */
function followsDirectly(lines, block, textFenceIndex) {
  let j = block.line;
  while (j < lines.length && lines[j].trim() !== '```') j++;
  for (let k = j + 1; k < textFenceIndex; k++) if (lines[k].trim() !== '') return false;
  return true;
}

/** Does the output answer as shown? Same number of lines; `…` matches any text. */
export function answersAsShown(expected, output) {
  const actual = trimLines(output.split('\n'));
  const shown = trimLines(expected);
  if (actual.length !== shown.length) return false;
  return shown.every((line, i) => lineMatches(line, actual[i]));
}

/** Does a shown line match an actual one? `…` matches any text; with anyFigure, so does any number for one. */
function lineMatches(shown, actual, anyFigure = false) {
  const escape = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const literal = anyFigure ? text => text.split(/\d+/).map(escape).join('\\d+') : escape;
  const pattern = shown.split('…').map(literal).join('.*');
  return new RegExp(`^${pattern}$`, 's').test(actual);
}

function trimLines(lines) {
  const out = lines.map(l => l.replace(/\s+$/, ''));
  while (out.length && out.at(-1) === '') out.pop();
  while (out.length && out[0] === '') out.shift();
  return out;
}

export function onlyReads(command) {
  return !/(-X\s*(PUT|POST|DELETE|PATCH)\b|\bproducer\b|--data|-d\s)/.test(command);
}

/** One bash for the whole walkthrough, as a newcomer's terminal. */
class Terminal {
  constructor(cwd) {
    this.shell = spawn('bash', ['--noprofile', '--norc'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.out = '';
    this.err = '';
    this.shell.stdout.on('data', d => { this.out += d; });
    this.shell.stderr.on('data', d => { this.err += d; });
  }

  run(command) {
    const marker = `__walkthrough_done_${Date.now()}_${Math.random().toString(36).slice(2)}`;
    this.out = '';
    this.err = '';
    this.shell.stdin.write(`${command}\nprintf '\\n${marker} %s\\n' "$?"\n`);
    return new Promise((resolvePromise, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const at = this.out.indexOf(`\n${marker} `);
        if (at >= 0 && this.out.indexOf('\n', at + 1 + marker.length) > 0) {
          clearInterval(poll);
          const status = Number(this.out.slice(at + marker.length + 2).trim().split('\n')[0]);
          resolvePromise({ output: this.out.slice(0, at), errors: this.err, status });
        } else if (Date.now() - started > BLOCK_TIMEOUT_MS) {
          clearInterval(poll);
          reject(new Error(`no end after ${BLOCK_TIMEOUT_MS / 1000} s; output so far:\n${this.out}\n${this.err}`));
        }
      }, 50);
    });
  }

  close() {
    this.shell.stdin.end();
    this.shell.kill();
  }
}

/** The README's sample output of deploy/local/run (array of lines), or null. */
export function stackOutputBlock(markdown) {
  const lines = markdown.split('\n');
  const at = lines.findIndex(l => l.trim() === '<!-- output of deploy/local/run -->');
  if (at < 0 || lines[at + 1]?.trim() !== '```text') return null;
  const end = lines.findIndex((l, i) => i > at + 1 && l.trim() === '```');
  return lines.slice(at + 2, end);
}

/**
 * Does the stack's output show the README's sample? Every non-empty line before the summary, in order, is a line of
 * the log; the summary's lines (from `──`) are consecutive lines of one summary whose cohort is known, figures free.
 * Returns null when it does, else the first shown line that was not found.
 */
export function showsSampleOutput(shown, log) {
  const logLines = log.split('\n').map(l => l.replace(/\s+$/, ''));
  const summaryAt = shown.findIndex(l => l.startsWith('── '));
  const head = (summaryAt < 0 ? shown : shown.slice(0, summaryAt)).map(l => l.replace(/\s+$/, '')).filter(l => l);
  let from = 0;
  for (const line of head) {
    const found = logLines.findIndex((l, i) => i >= from && lineMatches(line, l));
    if (found < 0) return line;
    from = found + 1;
  }
  if (summaryAt < 0) return null;
  const summary = shown.slice(summaryAt).map(l => l.replace(/\s+$/, '')).filter(l => l);
  for (let i = from; i + summary.length <= logLines.length; i++) {
    if (summary.every((pattern, k) => lineMatches(pattern, logLines[i + k], true))) return null;
  }
  return shown[summaryAt] + ' … (a summary with a known cohort, "N of M")';
}

/** The last "cohort adherent (28-day >= 80 %) N of M" of the stack's output: { adherent, known } or null. */
export function lastCohort(log) {
  const all = [...log.matchAll(/cohort adherent \(28-day >= 80 %\) (\d+) of (\d+)/g)];
  if (!all.length) return null;
  const last = all.at(-1);
  return { adherent: Number(last[1]), known: Number(last[2]) };
}

/** session-service's cohort gauge, summed as the live summary sums it. */
export function cohortFromMetrics(text) {
  const sum = state => text.split('\n')
    .filter(l => l.startsWith('limber_cohort_people{') && l.includes(`state="${state}"`))
    .reduce((total, l) => total + Number(l.trim().split(/\s+/).at(-1)), 0);
  const adherent = sum('adherent');
  return { adherent, known: adherent + sum('not-adherent') };
}

async function checkStackOutput(readmeText, stackLog) {
  const shown = stackOutputBlock(readmeText);
  if (!shown) {
    console.log('[walkthrough] FAIL no <!-- output of deploy/local/run --> text block in the README');
    return 1;
  }
  const deadline = Date.now() + 60_000;
  let missing;
  let cohort;
  let metrics;
  for (;;) {
    const log = readFileSync(stackLog, 'utf8');
    missing = showsSampleOutput(shown, log);
    cohort = lastCohort(log);
    try {
      const answer = await fetch('http://127.0.0.1:9082/q/metrics');
      metrics = cohortFromMetrics(await answer.text());
    } catch (e) {
      metrics = null;
    }
    const agree = cohort && metrics && cohort.adherent === metrics.adherent && cohort.known === metrics.known;
    if ((missing === null && agree) || Date.now() > deadline) break;
    await new Promise(r => setTimeout(r, 2000));
  }
  let failed = 0;
  if (missing === null) {
    console.log(`[walkthrough] ok   the stack printed the README's sample output (${shown.filter(l => l.trim()).length} lines)`);
  } else {
    failed++;
    console.log(`[walkthrough] FAIL the stack's output has no line like the README's:\n    | ${missing}`);
  }
  const say = c => (c ? `${c.adherent} of ${c.known}` : 'none');
  if (cohort && metrics && cohort.adherent === metrics.adherent && cohort.known === metrics.known) {
    console.log(`[walkthrough] ok   live summary "${say(cohort)}" = session-service's limber_cohort_people ${say(metrics)}`);
  } else {
    failed++;
    console.log(`[walkthrough] FAIL live summary "${say(cohort)}" but session-service's limber_cohort_people says ${say(metrics)}`);
  }
  return failed;
}

async function main() {
  const args = process.argv.slice(2);
  const logAt = args.indexOf('--stack-log');
  const stackLog = logAt >= 0 ? args.splice(logAt, 2)[1] : null;
  const readme = resolve(args[0] ?? 'README.md');
  const readmeText = readFileSync(readme, 'utf8');
  const outputFailures = stackLog ? await checkStackOutput(readmeText, stackLog) : 0;
  const blocks = walkthroughBlocks(readmeText);
  if (blocks.length === 0) {
    console.log(`[walkthrough] FAIL no <!-- walkthrough --> blocks in ${readme}`);
    process.exit(2);
  }
  const terminal = new Terminal(resolve(readme, '..'));
  let failed = outputFailures;
  try {
    for (const [n, block] of blocks.entries()) {
      const started = Date.now();
      let result;
      let matched;
      for (;;) {
        result = await terminal.run(block.command);
        matched = result.status === 0 && (block.expected === null || answersAsShown(block.expected, result.output));
        if (matched || !onlyReads(block.command) || Date.now() - started > RETRY_FOR_MS) break;
        await new Promise(r => setTimeout(r, 1000));
      }
      const title = block.command.split('\n').find(l => l.trim() && !l.trim().startsWith('#'))?.trim().slice(0, 90);
      const took = ((Date.now() - started) / 1000).toFixed(1);
      if (matched) {
        console.log(`[walkthrough] ok   block ${n + 1} (README line ${block.line}, ${took} s${block.expected ? ', answer as shown' : ''}): ${title}`);
      } else {
        failed++;
        console.log(`[walkthrough] FAIL block ${n + 1} (README line ${block.line}, ${took} s): ${title}`);
        console.log(`  exit status ${result.status}`);
        if (block.expected) console.log(`  the README shows:\n${block.expected.map(l => `    | ${l}`).join('\n')}`);
        console.log(`  it answered:\n${result.output.split('\n').map(l => `    | ${l}`).join('\n')}`);
        if (result.errors.trim()) console.log(`  on stderr:\n${result.errors.trim().split('\n').map(l => `    | ${l}`).join('\n')}`);
      }
    }
  } finally {
    terminal.close();
  }
  console.log(`[walkthrough] ${blocks.length - (failed - outputFailures)} of ${blocks.length} blocks ran as the README says`
    + (stackLog ? `; sample output and live summary: ${outputFailures ? 'FAILED' : 'as shown'}` : ''));
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
