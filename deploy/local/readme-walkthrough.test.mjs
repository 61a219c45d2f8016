// node --test deploy/local/readme-walkthrough.test.mjs (deploy/prometheus/check-live runs it before the stack starts)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  answersAsShown, cohortFromMetrics, lastCohort, onlyReads, showsSampleOutput, stackOutputBlock, walkthroughBlocks,
} from './readme-walkthrough.mjs';

const readme = [
  '# Title', '```bash', 'echo outside', '```',
  '<!-- walkthrough -->', 'Some prose.', '```bash', 'U=1', '```', '',
  '```bash', 'echo "id $U"', '```', '', '```text', 'id …', '```',
  'Prose between.', '```bash', 'curl -X POST x', '```', 'Not directly after:', '```text', 'ignored', '```',
  '<!-- /walkthrough -->',
].join('\n');

test('only the walkthrough\'s bash blocks run, each with the text block right after it', () => {
  const blocks = walkthroughBlocks(readme);
  assert.deepEqual(blocks.map(b => [b.command, b.expected]), [
    ['U=1', null], ['echo "id $U"', ['id …']], ['curl -X POST x', null]]);
});

test('… stands for any text, and the lines must be as many', () => {
  assert.ok(answersAsShown(['{"a":1,…}', '201'], '{"a":1,"b":2}\n201\n'));
  assert.ok(!answersAsShown(['{"a":1,…}', '201'], '{"a":2,"b":2}\n201\n'));
  assert.ok(!answersAsShown(['201'], '{"a":1}\n201\n'));
  assert.ok(answersAsShown(['a.b (x)'], 'a.b (x)'));
  assert.ok(!answersAsShown(['a.b (x)'], 'aXb (x)'));
});

test('a block is retried only when it only reads', () => {
  assert.ok(onlyReads('curl -s -H "$P" localhost:8083/users/$U/nudges'));
  assert.ok(!onlyReads("curl -X PUT localhost:8081/users/$U/plan -d '{}'"));
  assert.ok(!onlyReads('echo x | deploy/local/kafka producer --topic session-events'));
});

test('the sample output is found in the stack\'s output, the summary\'s figures free but its cohort known', () => {
  const shown = stackOutputBlock([
    '<!-- output of deploy/local/run -->', '```text', 'Limber is up (… s)', '', '  Kafka  127.0.0.1:9092',
    '── 20:08:18 ───', '  cohort adherent (28-day >= 80 %) 10 of 14', '```'].join('\n'));
  const log = ['[limber] starting', 'Limber is up (18.2 s)', '  Kafka  127.0.0.1:9092', '── 12:38:53 ───',
    '  cohort adherent (28-day >= 80 %) not known yet', '── 12:39:23 ───', '  cohort adherent (28-day >= 80 %) 9 of 13'];
  assert.equal(showsSampleOutput(shown, log.join('\n')), null);
  assert.match(showsSampleOutput(shown, log.slice(0, 5).join('\n')), /known cohort/);
  assert.equal(showsSampleOutput(shown, log.join('\n').replace('9092', '37671')), '  Kafka  127.0.0.1:9092');
});

test('the live summary\'s cohort and the metrics are read alike', () => {
  assert.deepEqual(lastCohort('x 3 of 4\n  cohort adherent (28-day >= 80 %) 3 of 4\n  cohort adherent (28-day >= 80 %) 10 of 14'),
    { adherent: 10, known: 14 });
  assert.equal(lastCohort('cohort adherent (28-day >= 80 %) not known yet'), null);
  assert.deepEqual(cohortFromMetrics([
    '# HELP limber_cohort_people People by 28-day session adherence',
    'limber_cohort_people{state="adherent"} 10.0', 'limber_cohort_people{state="not-adherent"} 4.0',
    'limber_cohort_people{state="unknown"} 2.0'].join('\n')), { adherent: 10, known: 14 });
});
