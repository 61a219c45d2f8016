import type { Adherence, NudgeData, Plan } from './generated/events.js';
import type { TokenProvider } from './token.js';

export type { Adherence, Plan };

/**
 * One routine of the catalogue (routine-service's `Routine` record: `GET /routines`). No JSON Schema describes it
 * yet, so this type mirrors the record by hand.
 */
export interface Routine {
  routineId: string;
  version: number;
  builtIn: boolean;
  title: string;
  core: boolean;
  purpose?: string | null;
  timeOfDay?: string[] | null;
  timeOfDayHint?: string | null;
  caution?: string | null;
  exercises: Exercise[];
}

/** Whose words a catalogue text is (routine-service `Exercise.FROM_SOURCE` / `FROM_LIMBER`). */
export type WordsSource = 'source' | 'limber';

export interface Exercise {
  exerciseId: string;
  name: string;
  cues?: string[];
  /** Whose words the cues are: the programme's source article, or Limber's own (absent when not attributed). */
  cuesSource?: WordsSource;
  easierOption?: string;
  /** Whose advice the easier option is: an app should mark `limber` as Limber's own, not the programme's. */
  easierOptionSource?: WordsSource;
  /** Timed holds, each side or position (absent for exercises counted in repetitions). */
  holds?: { position: string; seconds?: number; restSecondsAfter?: number }[];
  repetitions?: { sets?: number; reps?: number };
}

/** One session as session-service shows it (`SessionResource.SessionView`). */
export interface SessionView {
  sessionId: string;
  routineId: string;
  routineVersion: number;
  startedAt: string;
  status: 'completed' | 'pain-stopped' | 'abandoned' | 'running';
  completedAt?: string | null;
  holdsReported?: number | null;
  pain?: number | null;
  sharp?: boolean | null;
  redFlags?: string[] | null;
}

export interface SessionPage {
  page: number;
  size: number;
  total: number;
  sessions: SessionView[];
}

/** One nudge as reminder-service shows it (`NudgeResource.NudgeView`); kinds and priorities from nudge.schema.json. */
export interface Nudge {
  id: string;
  kind: NudgeData['kind'];
  title: string;
  body: string;
  priority: NudgeData['priority'];
  routineId?: string | null;
  occurrenceDate?: string | null;
  expiresAt?: string | null;
  createdAt: string;
}

/** The next planned reminder (`GET /users/{userId}/next`). */
export interface NextReminder {
  id: string;
  routineId: string;
  occurrenceDate: string;
  dueAt: string;
}

/** Where each service answers (no trailing slash), e.g. behind one gateway all three the same. */
export interface ServiceUrls {
  routine: string;
  session: string;
  reminder: string;
}

/** A read the service refused (besides the 404s the reads answer with null). */
export class LimberHttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
  ) {
    super(`HTTP ${status} from ${url}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.name = 'LimberHttpError';
  }
}

export interface ReadsOptions {
  urls: ServiceUrls;
  token: TokenProvider;
  userId: string;
  fetch?: typeof fetch;
}

/** The person's reads over REST, with their bearer token (asked again once after a 401). */
export class LimberReads {
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: ReadsOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** routine-service: the person's current plan, or null when they have none. */
  plan(): Promise<Plan | null> {
    return this.get<Plan>(this.options.urls.routine, `${this.user()}/plan`, true);
  }

  /** routine-service: every version of the plan, oldest first. */
  async planHistory(): Promise<Plan[]> {
    return (await this.get<Plan[]>(this.options.urls.routine, `${this.user()}/plan/history`, false))!;
  }

  /** routine-service: the newest version of every routine. */
  async catalogue(): Promise<Routine[]> {
    return (await this.get<Routine[]>(this.options.urls.routine, '/routines', false))!;
  }

  /** routine-service: one routine, as a plan referencing that version sees it (newest without a version). */
  routine(routineId: string, version?: number): Promise<Routine | null> {
    const path = `/routines/${encodeURIComponent(routineId)}${version === undefined ? '' : `/versions/${version}`}`;
    return this.get<Routine>(this.options.urls.routine, path, true);
  }

  /** session-service: the latest adherence snapshot, or null before the person's plan has arrived there. */
  adherence(): Promise<Adherence | null> {
    return this.get<Adherence>(this.options.urls.session, `${this.user()}/adherence`, true);
  }

  /** session-service: sessions, newest first (page from 0, size 1–100), or null before the plan has arrived. */
  sessions(page = 0, size = 20): Promise<SessionPage | null> {
    return this.get<SessionPage>(this.options.urls.session, `${this.user()}/sessions?page=${page}&size=${size}`, true);
  }

  /** reminder-service: the nudges sent to the person, oldest first. */
  async nudges(): Promise<Nudge[]> {
    return (await this.get<Nudge[]>(this.options.urls.reminder, `${this.user()}/nudges`, false))!;
  }

  /** reminder-service: the next planned reminder, or null when none is planned. */
  nextReminder(): Promise<NextReminder | null> {
    return this.get<NextReminder>(this.options.urls.reminder, `${this.user()}/next`, true);
  }

  private user(): string {
    return `/users/${encodeURIComponent(this.options.userId)}`;
  }

  private async get<T>(base: string, path: string, notFoundIsNull: boolean): Promise<T | null> {
    const url = base.replace(/\/+$/, '') + path;
    let response = await this.request(url, false);
    if (response.status === 401) response = await this.request(url, true);
    if (response.status === 404 && notFoundIsNull) return null;
    const body = await response.text();
    if (!response.ok) throw new LimberHttpError(response.status, url, body);
    return JSON.parse(body) as T;
  }

  private async request(url: string, forceRefresh: boolean): Promise<Response> {
    const token = await this.options.token({ forceRefresh });
    return this.fetchFn(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  }
}
