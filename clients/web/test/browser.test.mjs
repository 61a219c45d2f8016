// Browser tests of the web app against the real local stack (deploy/local/run --no-simulator) and the app's node
// server (server/serve.mjs): Playwright (playwright-core) driving Debian's chromium, axe-core on every main screen.
// Run by clients/web/check, which starts and stops both; alone: WEB_URL=http://127.0.0.1:8090 npm run test:browser
//
// Each person gets their own plan of a short copy of the five stretches (holds of LIMBER_WEB_HOLD_S seconds, default
// 5, instead of 60): the app takes the hold length from the plan, so a session takes under a minute.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { devToken } from '../server/devtoken.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const docs = join(here, '../docs');
const WEB = process.env.WEB_URL ?? 'http://127.0.0.1:8090';
const ROUTINE = process.env.LIMBER_ROUTINE_URL ?? 'http://127.0.0.1:8081';
const SESSION = process.env.LIMBER_SESSION_URL ?? 'http://127.0.0.1:8082';
const REMINDER = process.env.LIMBER_REMINDER_URL ?? 'http://127.0.0.1:8083';
const HOLD_S = Number(process.env.LIMBER_WEB_HOLD_S ?? 5);
const SHOTS = process.env.LIMBER_WEB_SCREENSHOTS !== '0';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SOURCE_CAUTION = 'Always talk to your doctor before beginning a new exercise program.';
const HOLDS = [
  'Knees to chest / both', 'Forward fold / centre', "Child's pose / centre", "Child's pose / right", "Child's pose / left",
  'Crossover / right', 'Crossover / left', 'Doorway hamstring stretch / right', 'Doorway hamstring stretch / left',
];
const FIVE = ['Knees to chest', 'Forward fold', "Child's pose", 'Crossover', 'Doorway hamstring stretch'];

const bearer = (role, subject) => ({ authorization: `Bearer ${devToken(subject ?? `${role}-web-tests`, role).token}` });
async function api(method, url, { role = 'admin', subject, body } = {}) {
  const response = await fetch(url, {
    method,
    headers: { ...bearer(role, subject), accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
async function eventually(what, fn, timeoutMs = 20_000, everyMs = 250) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

let quick; // the short routine: { routineId, version }
let quickCore; // the short copy of core-strength: { routineId, version }
let browser;

/** A new person with a daily plan of the short routine, known to session-service. */
async function person(tag, routines = [{ routineId: quick.routineId, routineVersion: quick.version }]) {
  const userId = `web-${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const plan = await api('PUT', `${ROUTINE}/users/${userId}/plan`, {
    role: 'clinician',
    body: {
      routines,
      schedule: { daysOfWeek: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] },
      localTime: '20:30', timeZone: 'UTC', startDate: new Date().toISOString().slice(0, 10),
    },
  });
  assert.ok(plan.status === 200 || plan.status === 201, `plan: ${plan.status} ${JSON.stringify(plan.body)}`);
  // the ingress takes events of anyone, but session-service counts them once the person's plan has arrived there
  await eventually('plan at session-service', async () =>
    (await api('GET', `${SESSION}/users/${userId}/adherence`, { role: 'patient', subject: userId })).status === 200);
  return userId;
}

async function axe(page, screen) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe-core on ${screen}`);
}
async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: join(docs, `${name}.png`), fullPage: true });
}

async function signedIn(userId, { acknowledge = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 480, height: 860 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
  await page.goto(WEB);
  await page.getByLabel('Your Limber id').fill(userId);
  await page.getByRole('button', { name: 'Sign in' }).press('Enter'); // by keyboard
  if (acknowledge) {
    await page.getByRole('heading', { name: 'Before your first session' }).waitFor();
    await page.getByLabel(/I have read these cautions/).check();
    await page.getByRole('button', { name: 'I understand' }).click();
    await page.getByRole('button', { name: 'Start tonight’s session' }).waitFor();
  }
  return { context, page };
}

/** Through every hold until the completion screen. */
async function wholeSession(page, onHold) {
  await page.getByRole('button', { name: 'Start tonight’s session' }).click();
  const seen = [];
  for (let i = 0; i < HOLDS.length; i++) {
    const hold = page.locator('.hold');
    await page.getByText(`Hold ${i + 1} of ${HOLDS.length}`).waitFor({ timeout: (HOLD_S + 5) * 1000 });
    seen.push(`${await hold.locator('h1').textContent()} / ${await hold.getAttribute('data-position')}`);
    if (onHold) await onHold(i);
  }
  await page.locator('#completed').waitFor({ timeout: (HOLD_S + 10) * 1000 });
  return { seen, sessionId: await page.locator('#completed').getAttribute('data-session') };
}

before(async () => {
  mkdirSync(docs, { recursive: true });
  const original = await api('GET', `${ROUTINE}/routines/lower-back-stretches`);
  assert.equal(original.status, 200, 'the catalogue has lower-back-stretches');
  const copy = {
    ...original.body, routineId: 'lower-back-stretches-quick', title: `${original.body.title} (${HOLD_S} s holds, for tests)`,
    exercises: original.body.exercises.map((e) => ({ ...e, holds: e.holds.map((x) => ({ ...x, seconds: HOLD_S })) })),
  };
  for (const k of ['version', 'builtIn']) delete copy[k];
  const stored = await api('POST', `${ROUTINE}/routines`, { body: copy });
  assert.equal(stored.status, 201, JSON.stringify(stored.body));
  quick = { routineId: stored.body.routineId, version: stored.body.version };
  // and of the core routine: plank sets of HOLD_S seconds with 1 s rests (bridge and leg lift are counted in reps)
  const core = (await api('GET', `${ROUTINE}/routines/core-strength`)).body;
  const coreCopy = {
    ...core, routineId: 'core-strength-quick', title: `${core.title} (${HOLD_S} s holds, for tests)`,
    exercises: core.exercises.map((e) => (e.holds ? { ...e, holds: e.holds.map((x) => ({ ...x, seconds: HOLD_S, restSecondsAfter: 1 })) } : e)),
  };
  for (const k of ['version', 'builtIn']) delete coreCopy[k];
  const storedCore = await api('POST', `${ROUTINE}/routines`, { body: coreCopy });
  assert.equal(storedCore.status, 201, JSON.stringify(storedCore.body));
  quickCore = { routineId: storedCore.body.routineId, version: storedCore.body.version };
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); });

describe('the web app against the local stack', () => {
  test('a person does tonight’s session start to finish: the completed session and new adherence appear', async () => {
    const userId = await person('session');
    const context = await browser.newContext({ viewport: { width: 480, height: 860 } });
    const page = await context.newPage();
    await page.goto(WEB);
    // installable: a manifest with 192 and 512 px icons, standalone, and a service worker in control of the scope
    const pwa = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const manifest = await (await fetch(document.querySelector('link[rel="manifest"]').href)).json();
      return { scope: registration.scope, display: manifest.display, start: manifest.start_url, icons: manifest.icons.map((i) => i.sizes) };
    });
    assert.deepEqual(pwa, { scope: `${WEB}/`, display: 'standalone', start: '/', icons: ['192x192', '512x512', 'any'] });
    await axe(page, 'sign-in');
    await shot(page, 'sign-in');
    await page.getByLabel('Your Limber id').fill(userId);
    await page.keyboard.press('Enter');

    // the cautions come first: the routine's own and the source's
    await page.getByRole('heading', { name: 'Before your first session' }).waitFor();
    const routine = (await api('GET', `${ROUTINE}/routines/${quick.routineId}`)).body;
    await page.getByText(routine.caution).waitFor();
    await page.getByText(SOURCE_CAUTION).waitFor();
    await axe(page, 'cautions');
    await shot(page, 'cautions');
    await page.keyboard.press('Tab'); // keyboard only: the checkbox, then the button
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: 'Start tonight’s session' }).waitFor();
    const order = await page.locator('.exercises li strong').allTextContents();
    assert.deepEqual(order, FIVE, 'the five stretches in order');
    await axe(page, 'tonight');
    await shot(page, 'tonight');

    const { seen, sessionId } = await wholeSession(page, async (i) => {
      if (i === 2) { // child's pose, centre: cue, easier option, timer and the stop button are there
        await page.getByText('Easier option:').waitFor();
        await page.getByRole('button', { name: 'Stop — it hurts' }).waitFor();
        await axe(page, 'hold');
        await shot(page, 'hold');
      }
    });
    assert.deepEqual(seen, HOLDS, 'every hold in order, each side or position');
    await shot(page, 'completed');

    // session-service has the completed session with its nine holds, and a new adherence
    const sessions = await eventually('the completed session at session-service', async () => {
      const r = await api('GET', `${SESSION}/users/${userId}/sessions`, { role: 'patient', subject: userId });
      return r.body?.sessions?.find((s) => s.sessionId === sessionId && s.status === 'completed') ? r.body : null;
    });
    assert.equal(sessions.sessions.length, 1);
    assert.equal(sessions.sessions[0].holdsReported, HOLDS.length);
    await eventually('adherence counting the session', async () => {
      const a = (await api('GET', `${SESSION}/users/${userId}/adherence`, { role: 'patient', subject: userId })).body;
      return a?.routines?.[0]?.completed28 >= 1;
    });

    // and the app shows both
    await page.getByRole('link', { name: 'Progress', exact: true }).click();
    await eventually('the progress screen', async () => {
      await page.goto(`${WEB}/#/progress`);
      await page.locator('#progress').waitFor();
      const done = await page.locator(`li[data-session="${sessionId}"][data-status="completed"]`).count();
      const streak = await page.locator('[data-figure="streak"]').first().textContent().catch(() => '');
      return done === 1 && /^[1-9]/.test(streak) ? true : null;
    }, 20_000, 1000);
    assert.notEqual(await page.locator('[data-figure="adherence28"]').textContent(), '–');
    await axe(page, 'progress');
    await shot(page, 'progress');

    // the next-morning check-in
    await page.getByRole('link', { name: 'Check-in', exact: true }).click();
    await page.getByRole('heading', { name: 'Morning check-in' }).waitFor();
    await page.locator('label[for="morning-2"]').click();
    await page.getByLabel('Yes').check();
    await axe(page, 'check-in');
    await shot(page, 'check-in');
    await page.getByRole('button', { name: 'Send check-in' }).click();
    await page.getByText('Thank you, your check-in is recorded.').waitFor();
    await eventually('check-in sent', async () => (await page.locator('#outbox').textContent()) === 'All sent');
    await context.close();
  });

  test('a red flag: the emergency message is on screen within 5 s and the urgent care review exists', async () => {
    const userId = await person('redflag');
    const { context, page } = await signedIn(userId);
    await page.getByRole('button', { name: 'Start tonight’s session' }).click();
    await page.locator('.hold[data-exercise="knees-to-chest"]').waitFor();
    await page.getByRole('button', { name: 'Stop — it hurts' }).click();
    await page.getByRole('heading', { name: 'Stop — it hurts' }).waitFor();
    await page.locator('label[for="pain-6"]').click();
    await page.getByLabel('Numbness between your legs or around your bottom (the saddle area)?').check();
    await axe(page, 'pain-stop');
    await shot(page, 'pain-stop');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Stop the session' }).click();
    const message = page.locator('#safety-message[data-kind="emergency"]');
    await message.waitFor({ timeout: 5000 });
    const elapsed = Date.now() - t0;
    console.log(`[web] emergency message on screen ${elapsed} ms after the stop`);
    assert.ok(elapsed <= 5000);

    const nudges = (await api('GET', `${REMINDER}/users/${userId}/nudges`, { role: 'patient', subject: userId })).body;
    const emergency = nudges.find((n) => n.kind === 'emergency');
    assert.ok(emergency, 'reminder-service sent an emergency nudge');
    assert.equal(await message.locator('h2').textContent(), emergency.title);
    assert.equal(await message.locator('p').textContent(), emergency.body);
    await axe(page, 'emergency');
    await shot(page, 'emergency');

    const reviews = await eventually('the urgent care review at routine-service', async () => {
      const r = await api('GET', `${ROUTINE}/users/${userId}/care-reviews`, { role: 'clinician' });
      return r.status === 200 && r.body.some((x) => x.urgent) ? r.body : null;
    }, 15_000);
    assert.ok(reviews.some((x) => x.urgent));

    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await page.locator('.inbox li[data-kind="emergency"]').waitFor();
    await axe(page, 'messages');
    await shot(page, 'messages');
    await context.close();
  });

  test('sharp pain: the safety message is on screen as soon as reminder-service has sent it', async () => {
    const userId = await person('sharp');
    const { context, page } = await signedIn(userId);
    await page.getByRole('button', { name: 'Start tonight’s session' }).click();
    await page.locator('.hold[data-exercise="knees-to-chest"]').waitFor();
    await page.getByRole('button', { name: 'Stop — it hurts' }).press('Enter'); // by keyboard
    await page.locator('label[for="pain-5"]').click();
    await page.getByLabel('Is it sharp, not like stretching?').check();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Stop the session' }).click();
    const message = page.locator('#safety-message[data-kind="safety"]');
    await message.waitFor({ timeout: 5000 });
    console.log(`[web] safety message on screen ${Date.now() - t0} ms after the stop`);
    const safety = (await api('GET', `${REMINDER}/users/${userId}/nudges`, { role: 'patient', subject: userId })).body
      .find((n) => n.kind === 'safety');
    assert.equal(await message.locator('h2').textContent(), safety.title);
    await shot(page, 'safety');
    await context.close();
  });

  test('a token the services refuse (expired on their clock): the stop is sent with a fresh token, once', async () => {
    const userId = await person('expired');
    const { context, page } = await signedIn(userId);
    const answers = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/session/events')) answers.push(r.status());
    });
    // the stored token looks valid to the app for an hour, but expired an hour ago: the ingress answers 401
    const stale = devToken(userId, 'patient', -3600).token;
    await page.evaluate((token) => {
      const stored = JSON.parse(localStorage.getItem('limber:auth'));
      localStorage.setItem('limber:auth', JSON.stringify({ ...stored, token, expiresAt: Math.floor(Date.now() / 1000) + 3600 }));
    }, stale);
    await page.getByRole('button', { name: 'Start tonight’s session' }).click();
    await page.getByRole('button', { name: 'Stop — it hurts' }).click();
    await page.locator('label[for="pain-8"]').click();
    await page.getByRole('button', { name: 'Stop the session' }).click();
    await page.locator('#safety-message[data-kind="safety"]').waitFor({ timeout: 5000 }); // pain 8: the safety message
    await eventually('all sent', async () => (await page.locator('#outbox').textContent()) === 'All sent');
    assert.equal(answers[0], 401, 'the stale token was refused');
    assert.equal(answers.filter((x) => x === 202).length, answers.length - 1, 'then accepted with a fresh token');
    const sessions = await eventually('the pain-stopped session at session-service', async () => {
      const r = (await api('GET', `${SESSION}/users/${userId}/sessions`, { role: 'patient', subject: userId })).body;
      return r?.sessions?.[0]?.status === 'pain-stopped' ? r : null;
    });
    assert.equal(sessions.total, 1);
    await context.close();
  });

  test('a plan with stretches and core work: the person picks core tonight, by keyboard, and does it', async () => {
    const userId = await person('core', [
      { routineId: quick.routineId, routineVersion: quick.version },
      { routineId: quickCore.routineId, routineVersion: quickCore.version,
        repetitions: { bridge: { sets: 1, reps: 10 }, 'leg-lift': { sets: 1, reps: 8 } } },
    ]);
    const { context, page } = await signedIn(userId, { acknowledge: false });
    // the cautions of both routines, each once, and the source's
    await page.getByRole('heading', { name: 'Before your first session' }).waitFor();
    const cautions = await page.locator('[data-caution="routine"]').allTextContents();
    const own = [(await api('GET', `${ROUTINE}/routines/${quick.routineId}`)).body.caution,
      (await api('GET', `${ROUTINE}/routines/${quickCore.routineId}`)).body.caution];
    assert.deepEqual(cautions, own);
    await page.getByText(SOURCE_CAUTION).waitFor();
    await page.getByLabel(/I have read these cautions/).check();
    await page.getByRole('button', { name: 'I understand' }).click();

    // the stretches by default; the core routine is one arrow key away
    const choice = page.getByRole('group', { name: 'What will you do tonight?' });
    await choice.waitFor();
    assert.equal(await page.getByRole('radio', { checked: true }).getAttribute('value'), quick.routineId);
    assert.deepEqual(await page.locator('.exercises li strong').allTextContents(), FIVE);
    await page.getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { name: /^Tonight: Core strength/ }).waitFor();
    assert.deepEqual(await page.locator('.exercises li strong').allTextContents(), ['Plank', 'Bridge', 'Leg lift']);
    assert.equal(await page.getByRole('radio', { checked: true }).getAttribute('value'), quickCore.routineId);
    assert.match(await page.locator('.exercises').textContent(), /Set 1, 10 reps/);
    await axe(page, 'choice');
    await shot(page, 'choice');

    await page.getByRole('button', { name: 'Start tonight’s session' }).press('Enter');
    const seen = [];
    for (let i = 0; i < 5; i++) {
      await page.getByText(`Hold ${i + 1} of 5`).waitFor({ timeout: (HOLD_S + 5) * 1000 });
      const hold = page.locator('.hold');
      seen.push(`${await hold.getAttribute('data-exercise')} / ${await hold.getAttribute('data-position')}`);
      if (i === 0) { // the plank: the source's words, its own easier option, nothing marked as Limber's
        await page.getByText('Start on all fours.').waitFor();
        await page.getByText('drop to your knees but keep the support in your upper body', { exact: false }).waitFor();
        assert.equal(await page.locator('[data-own]').count(), 0);
      }
      if (i >= 3) { // bridge and leg lift: counted in reps, the person says when a set is done
        assert.equal(await page.locator('[role="timer"]').count(), 0);
        if (i === 3) {
          await page.locator('[data-own="cues"]').waitFor(); // the source only names the bridge
          await page.locator('[data-own="easier"]').waitFor();
          await axe(page, 'core set');
          await shot(page, 'core-set');
        }
        await page.getByRole('button', { name: 'Done — next' }).click();
      }
    }
    assert.deepEqual(seen, ['plank / set-1', 'plank / set-2', 'plank / set-3', 'bridge / set-1', 'leg-lift / set-1']);
    await page.locator('#completed').waitFor({ timeout: (HOLD_S + 10) * 1000 });
    assert.match(await page.locator('#completed').textContent(), /3 holds and 2 sets of reps/);
    const sessionId = await page.locator('#completed').getAttribute('data-session');

    const sessions = await eventually('the core session at session-service', async () => {
      const r = await api('GET', `${SESSION}/users/${userId}/sessions`, { role: 'patient', subject: userId });
      return r.body?.sessions?.find((x) => x.sessionId === sessionId && x.status === 'completed') ? r.body : null;
    });
    assert.equal(sessions.sessions[0].routineId, quickCore.routineId);
    assert.equal(sessions.sessions[0].holdsReported, 5);
    await context.close();
  });

  test('offline: a session done without the network waits visibly, then its events arrive once', async () => {
    const userId = await person('offline');
    const { context, page } = await signedIn(userId);
    const posted = []; // every POST /events the ingress accepted: the event ids in it
    page.on('response', async (response) => {
      if (!response.url().endsWith('/api/session/events') || response.request().method() !== 'POST') return;
      const body = JSON.parse(response.request().postData());
      if (response.status() === 202) posted.push(...(Array.isArray(body) ? body : [body]).map((e) => e.id));
    });
    await page.evaluate(() => navigator.serviceWorker.ready); // the app shell is cached: it opens offline too
    await context.setOffline(true);
    const { sessionId } = await wholeSession(page);
    await eventually('waiting to send', async () => (await page.locator('#outbox').textContent()).startsWith('2 events waiting to send'));
    await shot(page, 'offline-waiting');
    assert.equal(posted.length, 0);

    // the tab is reloaded while still offline: the app opens from the service worker's cache, the events still wait
    await page.reload();
    await page.getByRole('button', { name: 'Start tonight’s session' }).waitFor();
    await eventually('still waiting after a reload', async () => (await page.locator('#outbox').textContent()).startsWith('2 events waiting to send'));
    assert.equal(posted.length, 0);
    const queued = await page.evaluate(async () => (await globalThis.limberApp.client.queue.pending()).map((q) => q.event.id));
    assert.equal(queued.length, 2);

    await context.setOffline(false);
    await eventually('all sent', async () => (await page.locator('#outbox').textContent()) === 'All sent', 20_000);
    await new Promise((r) => setTimeout(r, 2000)); // a late duplicate would show up here
    assert.deepEqual(posted.slice().sort(), queued.slice().sort(), 'each queued event accepted exactly once');

    const sessions = await eventually('the session at session-service', async () => {
      const r = await api('GET', `${SESSION}/users/${userId}/sessions`, { role: 'patient', subject: userId });
      return r.body?.sessions?.some((s) => s.status === 'completed') ? r.body : null;
    });
    assert.equal(sessions.total, 1, 'one session, once');
    assert.equal(sessions.sessions[0].sessionId, sessionId);
    assert.equal(sessions.sessions[0].holdsReported, HOLDS.length);
    await context.close();
  });
});
