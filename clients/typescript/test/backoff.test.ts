import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, retryAfterMs } from '../src/index.js';

const options = { baseMs: 1000, maxMs: 60_000 };

test('the wait doubles with every failed try, within the upper half of its ceiling (equal jitter)', () => {
  for (let attempt = 1; attempt <= 6; attempt++) {
    const ceiling = 1000 * 2 ** (attempt - 1);
    assert.equal(backoffDelay(attempt, options, () => 0), ceiling / 2, `attempt ${attempt}, lowest`);
    assert.equal(backoffDelay(attempt, options, () => 1), ceiling, `attempt ${attempt}, highest`);
  }
});

test('jitter spreads clients that failed together', () => {
  const waits = new Set(Array.from({ length: 50 }, () => backoffDelay(5, options)));
  assert.ok(waits.size > 40, `only ${waits.size} distinct waits`);
  for (const w of waits) assert.ok(w >= 8000 && w <= 16000, String(w));
});

test('no wait is longer than maxMs, however many tries failed', () => {
  assert.equal(backoffDelay(40, options, () => 1), 60_000);
  assert.equal(backoffDelay(1000, options, () => 0), 30_000);
});

test("the server's Retry-After is a floor, still capped", () => {
  assert.equal(backoffDelay(1, options, () => 0, 20_000), 20_000);
  assert.equal(backoffDelay(1, options, () => 0, 3_600_000), 60_000);
  assert.equal(backoffDelay(6, options, () => 1, 5_000), 32_000);
});

test('Retry-After in seconds or as an HTTP date', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');
  assert.equal(retryAfterMs('120', now), 120_000);
  assert.equal(retryAfterMs('Mon, 30 Nov 2026 10:00:30 GMT', now), 30_000);
  assert.equal(retryAfterMs('Mon, 30 Nov 2026 09:00:00 GMT', now), 0);
  assert.equal(retryAfterMs(null, now), undefined);
  assert.equal(retryAfterMs('soon', now), undefined);
});
