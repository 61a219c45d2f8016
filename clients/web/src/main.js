// Limber's reference patient web app, on the client kit (@limber/client): tonight's routine from the person's plan,
// "Stop — it hurts" on every hold, progress, messages, the next-morning check-in; events wait in IndexedDB when
// offline and go out once when the network returns. No framework: one small render function per screen.
import { createLimberClient, IndexedDbQueueStore, LimberHttpError } from '@limber/client';
import { auth } from './auth.js';
import './style.css';

const API = { routine: '/api/routine', session: '/api/session', reminder: '/api/reminder' };
const POLL_MS = 1000;
const RED_FLAGS = [
  ['saddle-numbness', 'Numbness between your legs or around your bottom (the saddle area)?'],
  ['bladder-bowel-change', 'New trouble controlling your bladder or bowels?'],
  ['leg-weakness-worsening', 'Weakness in a leg that is getting worse?'],
];
const SOURCE_CAUTION = 'Always talk to your doctor before beginning a new exercise program.';
const POSITION = { both: 'Both legs', centre: 'Centre', right: 'Right side', left: 'Left side' };
const positionName = (p) => POSITION[p] ?? p.replace(/^set-(\d+)$/, 'Set $1');
const SECONDS_PER_REP = 3; // only for "about how long": reps are not timed
const LIMBER_OWN = 'Limber’s suggestion, not from the programme’s source';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const outboxLine = document.getElementById('outbox');

/** @type {import('@limber/client').LimberClient | undefined} */
let limber;
let cache = { plan: undefined, routines: new Map() }; // kept for offline: a session can be done without the network
let session; // the running session, if any
let timers = [];

// ---------- tiny DOM helpers ----------
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}
function show(...children) {
  clearTimers();
  main.replaceChildren(...children);
  const heading = main.querySelector('h1');
  if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
}
function clearTimers() { timers.forEach(clearInterval); timers = []; }
const duration = (s) => (s < 90 ? `${s} seconds` : `${Math.round(s / 60)} minutes`);
const pct = (x) => (x == null ? '–' : `${Math.round(x * 100)} %`);
const userKey = (name) => `limber:${auth.userId()}:${name}`;

// ---------- the kit ----------
function installationId() {
  let id = localStorage.getItem('limber:installation');
  if (!id) localStorage.setItem('limber:installation', (id = crypto.randomUUID().slice(0, 8)));
  return id;
}
function startKit() {
  limber?.queue.dispose();
  limber = createLimberClient({
    baseUrl: API,
    userId: auth.userId(),
    source: `/clients/web/${installationId()}`,
    token: ({ forceRefresh } = {}) => auth.token({ forceRefresh }),
    store: new IndexedDbQueueStore({ name: `limber-outbox-${auth.userId()}` }),
    onAccepted: () => refreshOutbox(),
    onRejected: (r) => {
      // never silently lost: a refused event is kept for the person to see (and for support)
      const refused = JSON.parse(localStorage.getItem(userKey('refused')) ?? '[]');
      refused.push({ id: r.event.id, type: r.event.type, status: r.status, problems: r.problems });
      localStorage.setItem(userKey('refused'), JSON.stringify(refused.slice(-20)));
      refreshOutbox();
    },
    onRetry: () => refreshOutbox(),
  });
  window.limberApp = { client: limber }; // for the browser tests and the console
}
async function refreshOutbox() {
  if (!limber) { outboxLine.textContent = ''; return; }
  const waiting = (await limber.queue.pending()).length;
  const offline = !navigator.onLine;
  outboxLine.textContent = waiting
    ? `${waiting} ${waiting === 1 ? 'event' : 'events'} waiting to send${offline ? ' (offline)' : ''}`
    : offline ? 'Offline: what you do is kept and sent later' : 'All sent';
  outboxLine.dataset.waiting = String(waiting);
}
addEventListener('online', () => { refreshOutbox(); limber?.flush().finally(refreshOutbox); });
addEventListener('offline', refreshOutbox);
setInterval(refreshOutbox, 2000);

/** Send: stored first (IndexedDB), then sent now or when the network returns. */
async function report(event) {
  await limber.queue.enqueue(event);
  await refreshOutbox();
  if (navigator.onLine) limber.flush().finally(refreshOutbox);
  return event;
}

async function loadPlan() {
  try {
    const plan = await limber.reads.plan();
    cache.plan = plan;
    localStorage.setItem(userKey('plan'), JSON.stringify(plan));
  } catch (e) {
    if (cache.plan === undefined) cache.plan = JSON.parse(localStorage.getItem(userKey('plan')) ?? 'null');
    if (!cache.plan) throw e;
  }
  return cache.plan;
}
async function loadRoutine(routineId, version) {
  const key = `${routineId}@${version}`;
  if (!cache.routines.has(key)) {
    let routine;
    try {
      routine = await limber.reads.routine(routineId, version);
      localStorage.setItem(userKey(`routine:${key}`), JSON.stringify(routine));
    } catch (e) {
      routine = JSON.parse(localStorage.getItem(userKey(`routine:${key}`)) ?? 'null');
      if (!routine) throw e;
    }
    cache.routines.set(key, routine);
  }
  return cache.routines.get(key);
}

/** Every routine of the person's plan, each with its catalogue words and its holds as the plan prescribes them. */
async function planRoutines() {
  const plan = await loadPlan();
  if (!plan) return null;
  const options = [];
  for (const prescribed of plan.routines) {
    const routine = await loadRoutine(prescribed.routineId, prescribed.routineVersion);
    const byId = new Map(routine.exercises.map((e) => [e.exerciseId, e]));
    const holds = prescribed.holds.map((hold, i) => ({ ...hold, index: i, exercise: byId.get(hold.exerciseId) }));
    options.push({ plan, prescribed, routine, holds });
  }
  return options;
}

/** Tonight's routine: the one the person picked (a plan may hold stretches and core work), else the stretches. */
function tonight(options) {
  const picked = sessionStorage.getItem(userKey('tonight'));
  return options.find((o) => o.prescribed.routineId === picked)
    ?? options.find((o) => !o.prescribed.core) ?? options[0];
}

// ---------- screens ----------
let signInError = ''; // why the last sign-in failed (an OIDC callback the provider refused, a state mismatch)

function signIn() {
  nav.hidden = true;
  if (auth.mode() === 'oidc') return providerSignIn();
  const input = h('input', { id: 'user-id', name: 'userId', autocomplete: 'username', required: true, spellcheck: 'false',
    pattern: '[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}', 'aria-describedby': 'user-id-help' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', {
    onsubmit: async (e) => {
      e.preventDefault();
      error.textContent = '';
      try {
        await auth.signIn(input.value.trim());
        startKit();
        route();
      } catch (err) { error.textContent = err.message; }
    },
  },
  h('label', { for: 'user-id' }, 'Your Limber id'),
  h('p', { id: 'user-id-help', class: 'hint' }, 'The id on your programme letter, e.g. 11111111-2222-3333-4444-555555555555.'),
  input, error,
  h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  show(h('section', { class: 'card' },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'hint' }, 'Local development sign-in: the local stack signs a patient token for the id you type. ' +
      'In production Limber signs you in with your care provider’s account.'),
    form));
  input.focus();
}

/** Production: the care provider's sign-in page (OIDC Authorization Code + PKCE, src/auth.js). */
function providerSignIn() {
  const error = h('p', { class: 'error', role: 'alert' }, signInError);
  signInError = '';
  show(h('section', { class: 'card' },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'Sign in with the account your care provider gave you.'),
    error,
    h('button', { type: 'button', class: 'primary', onclick: () => auth.signIn().catch((e) => { error.textContent = e.message; }) },
      'Sign in with your care provider')));
}

function cautions(options) {
  const own = [...new Set(options.map((o) => o.routine.caution).filter(Boolean))]; // each routine's own, once
  const box = h('input', { type: 'checkbox', id: 'ack', required: true });
  show(h('section', { class: 'card' },
    h('h1', {}, 'Before your first session'),
    h('p', {}, 'Please read these cautions from your programme.'),
    h('ul', { class: 'cautions' },
      own.map((caution) => h('li', { 'data-caution': 'routine' }, caution)),
      h('li', { 'data-caution': 'source' }, SOURCE_CAUTION)),
    h('form', {
      onsubmit: (e) => {
        e.preventDefault();
        localStorage.setItem(userKey('cautions-acknowledged'), new Date().toISOString());
        home();
      },
    },
    h('p', { class: 'check' }, box, h('label', { for: 'ack' }, 'I have read these cautions and talked to my doctor about this programme.')),
    h('button', { type: 'submit', class: 'primary' }, 'I understand'))));
}

async function home() {
  nav.hidden = false;
  show(h('p', { class: 'hint' }, 'Loading tonight’s routine…'));
  let options;
  try { options = await planRoutines(); } catch (e) { return failed(e); }
  if (!options?.length) {
    return show(h('section', { class: 'card' }, h('h1', {}, 'No plan yet'),
      h('p', {}, 'Your clinician has not given you a programme yet. Ask them, then come back here.')));
  }
  if (!localStorage.getItem(userKey('cautions-acknowledged'))) return cautions(options);
  let t = tonight(options);
  const heading = h('h1', {}, 'Tonight: ', t.routine.title);
  const summary = h('div', { id: 'summary' }, routineSummary(t));
  // With several routines in the plan the person picks tonight's; only the picked one is shown and started.
  const choice = options.length < 2 ? null : h('fieldset', { class: 'choice' },
    h('legend', {}, 'What will you do tonight?'),
    options.map((o) => h('p', { class: 'check' },
      h('input', { type: 'radio', name: 'tonight', id: `tonight-${o.prescribed.routineId}`, value: o.prescribed.routineId,
        checked: o === t, onchange: () => {
          t = o;
          sessionStorage.setItem(userKey('tonight'), o.prescribed.routineId);
          heading.replaceChildren('Tonight: ', o.routine.title);
          summary.replaceChildren(routineSummary(o)); // focus stays on the radio: arrow keys keep working
        } }),
      h('label', { for: `tonight-${o.prescribed.routineId}` }, o.routine.title,
        h('span', { class: 'hint' }, o.prescribed.core ? ' — core strength' : ' — stretches')))));
  show(h('section', { class: 'card' },
    heading,
    t.plan.reviewRequested ? h('p', { class: 'notice' }, 'Your clinician has been asked to review your programme.') : null,
    choice,
    summary,
    h('button', { type: 'button', class: 'primary', id: 'start', onclick: () => start(t) }, 'Start tonight’s session')));
}

/** One routine as tonight's plan: its purpose, the exercises in order with each hold or set, about how long. */
function routineSummary(t) {
  const seconds = t.holds.reduce((s, x) => s + (x.seconds ?? (x.reps ?? 0) * SECONDS_PER_REP) + (x.restSecondsAfter ?? 0), 0);
  const exercises = [];
  for (const hold of t.holds) {
    const last = exercises[exercises.length - 1];
    if (last?.exercise.exerciseId === hold.exerciseId) last.holds.push(hold);
    else exercises.push({ exercise: hold.exercise ?? { exerciseId: hold.exerciseId, name: hold.exerciseId }, holds: [hold] });
  }
  return h('div', { 'data-routine': t.prescribed.routineId },
    t.routine.purpose ? h('p', {}, t.routine.purpose) : null,
    t.routine.timeOfDayHint ? h('p', { class: 'hint' }, t.routine.timeOfDayHint) : null,
    h('ol', { class: 'exercises' }, exercises.map(({ exercise, holds }) =>
      h('li', {}, h('strong', {}, exercise.name), ' — ',
        holds.map((x) => (x.seconds ? `${positionName(x.position)} ${x.seconds} s` : `${positionName(x.position)}, ${x.reps} reps`)).join(', ')))),
    h('p', { class: 'hint' }, `About ${duration(seconds)}. Stop whenever it hurts.`));
}

async function start(t) {
  const startedAt = new Date().toISOString();
  session = { t, sessionId: `s-${crypto.randomUUID()}`, startedAt, done: [], index: 0 };
  await report(limber.events.sessionStarted({
    sessionId: session.sessionId, routineId: t.prescribed.routineId, routineVersion: t.prescribed.routineVersion, startedAt,
  }, { time: startedAt }));
  localStorage.setItem(userKey('last-session'), session.sessionId);
  hold();
}

/** After a hold or set is done: the rest it prescribes, the next one, or the end. */
function next(current, done) {
  session.done.push(done);
  session.index += 1;
  if (session.index >= session.t.holds.length) return complete();
  const rest = current.restSecondsAfter ?? 0;
  if (rest > 0) return resting(rest);
  return hold();
}

/** How to do it, in the programme's words; whatever the source does not give is marked as Limber's own. */
function instructions(exercise) {
  return [
    exercise.cues?.length ? h('ul', { class: 'cues', 'aria-label': 'How to do it' }, exercise.cues.map((c) => h('li', {}, c))) : null,
    exercise.cuesSource === 'limber'
      ? h('p', { class: 'own', 'data-own': 'cues' }, 'These steps are Limber’s own: the programme’s source names this exercise without describing it.') : null,
    exercise.easierOption ? h('p', { class: 'easier' }, h('strong', {}, 'Easier option: '), exercise.easierOption,
      exercise.easierOptionSource === 'limber' ? h('span', { class: 'own', 'data-own': 'easier' }, ` (${LIMBER_OWN})`) : null) : null,
  ];
}

/** A set counted in repetitions: no timer, the person says when it is done. */
function repsSet(current, exercise) {
  const { t, index } = session;
  show(h('section', { class: 'card hold', 'data-exercise': current.exerciseId, 'data-position': current.position },
    h('p', { class: 'step' }, `Hold ${index + 1} of ${t.holds.length}`),
    h('h1', {}, exercise.name),
    h('p', { class: 'position' }, `${positionName(current.position)}: ${current.reps} reps`),
    ...instructions(exercise),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'set-done',
        onclick: () => next(current, { exerciseId: current.exerciseId, position: current.position, reps: current.reps }) },
      'Done — next'),
      h('button', { type: 'button', class: 'danger', id: 'stop', onclick: () => painStop() }, 'Stop — it hurts'))));
}

function hold() {
  const { t, index } = session;
  const current = t.holds[index];
  const exercise = current.exercise ?? { name: current.exerciseId };
  if (current.seconds == null && current.reps != null) return repsSet(current, exercise);
  const total = current.seconds ?? 0;
  let left = total;
  const clock = h('p', { class: 'timer', role: 'timer', 'aria-label': 'Seconds left in this hold' }, String(left));
  const progress = h('progress', { max: String(total || 1), value: '0', 'aria-label': 'Hold progress' });
  const live = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  show(h('section', { class: 'card hold', 'data-exercise': current.exerciseId, 'data-position': current.position },
    h('p', { class: 'step' }, `Hold ${index + 1} of ${t.holds.length}`),
    h('h1', {}, exercise.name),
    h('p', { class: 'position' }, positionName(current.position)),
    clock, progress, live,
    ...instructions(exercise),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', id: 'stop', onclick: () => painStop() }, 'Stop — it hurts'))));
  live.textContent = `${exercise.name}, ${positionName(current.position)}, ${total} seconds`;
  const tick = setInterval(() => {
    left -= 1;
    clock.textContent = String(Math.max(0, left));
    progress.value = String(total - left);
    if (left > 0) return;
    clearInterval(tick);
    next(current, { exerciseId: current.exerciseId, position: current.position, seconds: total });
  }, 1000);
  timers.push(tick);
}

function resting(seconds) {
  const justDone = session.t.holds[session.index - 1];
  let left = seconds;
  const clock = h('p', { class: 'timer', role: 'timer' }, String(left));
  show(h('section', { class: 'card' }, h('h1', {}, 'Rest'), clock,
    h('button', { type: 'button', class: 'danger', onclick: () => painStop(justDone) }, 'Stop — it hurts')));
  const tick = setInterval(() => {
    left -= 1;
    clock.textContent = String(left);
    if (left <= 0) { clearInterval(tick); hold(); }
  }, 1000);
  timers.push(tick);
}

async function complete() {
  const { t } = session;
  const completedAt = new Date().toISOString();
  await report(limber.events.sessionCompleted({
    sessionId: session.sessionId, routineId: t.prescribed.routineId, routineVersion: t.prescribed.routineVersion,
    startedAt: session.startedAt, completedAt, holds: session.done,
  }, { time: completedAt }));
  const s = session;
  session = undefined;
  show(h('section', { class: 'card', id: 'completed', 'data-session': s.sessionId },
    h('h1', {}, 'Well done — session complete'),
    h('p', {}, doneSummary(s.done)),
    h('p', {}, h('a', { href: '#/progress' }, 'See your progress'))));
}

/** "9 holds, 9 minutes of stretching" or "3 holds and 2 sets of reps, 3 minutes of holds". */
function doneSummary(done) {
  const timed = done.filter((x) => x.seconds != null);
  const sets = done.length - timed.length;
  const seconds = timed.reduce((a, x) => a + x.seconds, 0);
  return sets
    ? `${timed.length} holds and ${sets} sets of reps${timed.length ? `, ${duration(seconds)} of holds` : ''}.`
    : `${timed.length} holds, ${duration(seconds)} of stretching.`;
}

/** `current`: the hold being done (during a rest, the one just done). */
function painStop(current = session.t.holds[session.index]) {
  clearTimers();
  const scale = h('fieldset', { class: 'scale' }, h('legend', {}, 'How bad is the pain? 0 is none, 10 the worst imaginable'),
    Array.from({ length: 11 }, (_, n) => h('span', { class: 'pain-option' },
      h('input', { type: 'radio', name: 'pain', id: `pain-${n}`, value: String(n), required: true }),
      h('label', { for: `pain-${n}` }, String(n)))));
  const sharp = h('input', { type: 'checkbox', id: 'sharp', name: 'sharp' });
  const flags = RED_FLAGS.map(([value, question]) => h('p', { class: 'check' },
    h('input', { type: 'checkbox', id: `flag-${value}`, name: 'redFlags', value }),
    h('label', { for: `flag-${value}` }, question)));
  show(h('section', { class: 'card' },
    h('h1', {}, 'Stop — it hurts'),
    h('p', {}, 'You have stopped. Tell us how it feels so we can help.'),
    h('form', { id: 'pain-form', onsubmit: (e) => { e.preventDefault(); sendPainStop(current, new FormData(e.target)); } },
      scale,
      h('p', { class: 'check' }, sharp, h('label', { for: 'sharp' }, 'Is it sharp, not like stretching?')),
      h('fieldset', {}, h('legend', {}, 'Do you have any of these?'), flags),
      h('button', { type: 'submit', class: 'danger' }, 'Stop the session'))));
}

async function sendPainStop(current, form) {
  const s = session;
  session = undefined;
  const pain = Number(form.get('pain'));
  const sharp = form.get('sharp') === 'on';
  const redFlags = form.getAll('redFlags');
  const stoppedAt = new Date().toISOString();
  const event = await report(limber.events.sessionPainStopped({
    sessionId: s.sessionId, routineId: s.t.prescribed.routineId, routineVersion: s.t.prescribed.routineVersion,
    startedAt: s.startedAt, exerciseId: current.exerciseId, pain, sharp, redFlags,
  }, { time: stoppedAt }));
  localStorage.setItem(userKey('last-pain-stop'), event.id);
  const urgent = redFlags.length > 0;
  const expect = urgent ? 'emergency' : sharp || pain >= 7 ? 'safety' : null;
  const message = h('div', { id: 'safety-message', role: 'alert', 'aria-live': 'assertive' });
  const status = h('p', { class: 'hint', role: 'status' });
  show(h('section', { class: 'card' },
    h('h1', {}, 'Session stopped'),
    urgent
      ? h('p', { class: 'notice urgent' }, 'These symptoms can be serious. Do not wait: get medical help today.')
      : h('p', {}, 'Well done for stopping. Rest now; do not push through pain.'),
    message, status));
  if (!expect) return;
  status.textContent = 'Waiting for your care team’s message…';
  const since = Date.parse(stoppedAt) - 60_000;
  const poll = async () => {
    try {
      const nudges = await limber.reads.nudges();
      const answer = nudges.filter((n) => (n.kind === 'emergency' || n.kind === 'safety') && Date.parse(n.createdAt) >= since)
        .sort((a, b) => (a.kind === 'emergency' ? -1 : 1) - (b.kind === 'emergency' ? -1 : 1))[0];
      if (answer && (answer.kind === expect || answer.kind === 'emergency')) {
        clearTimers();
        message.className = `message ${answer.kind}`;
        message.dataset.kind = answer.kind;
        message.replaceChildren(h('h2', {}, answer.title), h('p', {}, answer.body));
        status.textContent = '';
      }
    } catch {
      status.textContent = navigator.onLine ? 'Still waiting for your care team’s message…' : 'Offline: your stop is kept and sent when you are back online.';
    }
  };
  timers.push(setInterval(poll, POLL_MS));
  poll();
}

async function progress() {
  nav.hidden = false;
  show(h('p', { class: 'hint' }, 'Loading your progress…'));
  let adherence, sessions;
  try { [adherence, sessions] = await Promise.all([limber.reads.adherence(), limber.reads.sessions(0, 10)]); } catch (e) { return failed(e); }
  const routines = adherence?.routines ?? [];
  show(h('section', { class: 'card', id: 'progress' },
    h('h1', {}, 'Your progress'),
    !adherence ? h('p', {}, 'Nothing yet: your first session starts your record.') : h('div', {},
      h('dl', { class: 'figures' },
        h('div', {}, h('dt', {}, 'Last 7 days'), h('dd', { 'data-figure': 'adherence7' }, pct(adherence.sessionAdherence7))),
        h('div', {}, h('dt', {}, 'Last 28 days'), h('dd', { 'data-figure': 'adherence28' }, pct(adherence.sessionAdherence28)))),
      routines.map((r) => h('dl', { class: 'figures', 'aria-label': r.routineId },
        h('div', {}, h('dt', {}, 'Streak'), h('dd', { 'data-figure': 'streak' }, `${r.streak} ${r.streak === 1 ? 'session' : 'sessions'}`)),
        h('div', {}, h('dt', {}, 'Habit strength'), h('dd', { 'data-figure': 'habit' }, pct(r.habitStrength)))))),
    h('h2', {}, 'Recent sessions'),
    sessions?.sessions?.length
      ? h('ul', { class: 'sessions' }, sessions.sessions.map((s) => h('li', { 'data-session': s.sessionId, 'data-status': s.status },
        `${new Date(s.startedAt).toLocaleString()} — ${s.status.replace('-', ' ')}${s.holdsReported ? `, ${s.holdsReported} holds` : ''}`)))
      : h('p', {}, 'No sessions yet.')));
}

async function nudges() {
  nav.hidden = false;
  show(h('p', { class: 'hint' }, 'Loading your messages…'));
  let list;
  try { list = await limber.reads.nudges(); } catch (e) { return failed(e); }
  const refused = JSON.parse(localStorage.getItem(userKey('refused')) ?? '[]');
  show(h('section', { class: 'card' },
    h('h1', {}, 'Messages'),
    refused.length ? h('div', { class: 'notice', id: 'refused' },
      h('h2', {}, 'Not accepted by Limber'),
      h('p', {}, 'These reports were refused and will not be counted. Please tell your care team.'),
      h('ul', {}, refused.map((r) => h('li', {}, `${r.type.replace('limber.', '')} (${r.status}): ${r.problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`)))) : null,
    list.length ? h('ul', { class: 'inbox' }, list.slice().reverse().map((n) => h('li', { class: `message ${n.kind}`, 'data-kind': n.kind },
      h('h2', {}, n.title), h('p', {}, n.body), h('p', { class: 'hint' }, new Date(n.createdAt).toLocaleString()))))
      : h('p', {}, 'No messages yet.')));
}

function checkIn() {
  nav.hidden = false;
  const scale = h('fieldset', { class: 'scale' }, h('legend', {}, 'How is your back this morning? 0 is no pain, 10 the worst imaginable'),
    Array.from({ length: 11 }, (_, n) => h('span', { class: 'pain-option' },
      h('input', { type: 'radio', name: 'pain', id: `morning-${n}`, value: String(n), required: true }),
      h('label', { for: `morning-${n}` }, String(n)))));
  const settled = h('fieldset', {}, h('legend', {}, 'Has last night’s pain settled?'),
    h('p', { class: 'check' }, h('input', { type: 'radio', name: 'settled', id: 'settled-yes', value: 'yes', required: true }), h('label', { for: 'settled-yes' }, 'Yes')),
    h('p', { class: 'check' }, h('input', { type: 'radio', name: 'settled', id: 'settled-no', value: 'no' }), h('label', { for: 'settled-no' }, 'No')));
  const done = h('p', { role: 'status' });
  show(h('section', { class: 'card' },
    h('h1', {}, 'Morning check-in'),
    h('form', {
      onsubmit: async (e) => {
        e.preventDefault();
        const form = new FormData(e.target);
        const inReplyTo = localStorage.getItem(userKey('last-pain-stop'));
        await report(limber.events.painReported({
          pain: Number(form.get('pain')), settled: form.get('settled') === 'yes', ...(inReplyTo ? { inReplyTo } : {}),
        }));
        e.target.reset();
        done.textContent = 'Thank you, your check-in is recorded.';
      },
    }, scale, settled, h('button', { type: 'submit', class: 'primary' }, 'Send check-in')),
    done));
}

function failed(error) {
  const text = error instanceof LimberHttpError && error.status === 401 ? 'Your sign-in has expired. Please sign in again.'
    : navigator.onLine ? `Something went wrong: ${error.message}` : 'You are offline, and this has not been loaded yet.';
  show(h('section', { class: 'card' }, h('h1', {}, 'Not available'), h('p', { role: 'alert' }, text)));
}

// ---------- routing ----------
function route() {
  if (!auth.userId()) return signIn();
  if (!limber) startKit();
  refreshOutbox();
  if (session) return; // a running session is not left by navigation
  const path = location.hash.replace(/^#/, '') || '/';
  for (const a of nav.querySelectorAll('a')) {
    if (a.getAttribute('href') === `#${path}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (path === '/progress') return progress();
  if (path === '/nudges') return nudges();
  if (path === '/check-in') return checkIn();
  return home();
}
document.getElementById('sign-out').addEventListener('click', () => {
  limber?.queue.dispose();
  limber = undefined;
  cache = { plan: undefined, routines: new Map() };
  auth.signOut();
  location.hash = '#/';
  route();
});
addEventListener('hashchange', route);
auth.init().catch((e) => { signInError = e.message; }).finally(route);

if ('serviceWorker' in navigator && import.meta.env.PROD) navigator.serviceWorker.register('/sw.js').catch(() => {});
