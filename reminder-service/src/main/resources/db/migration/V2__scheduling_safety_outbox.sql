-- What a nudge says on the wire beyond V1, and whether it counted against the daily cap.
ALTER TABLE nudge ADD COLUMN routine_id      TEXT;
ALTER TABLE nudge ADD COLUMN occurrence_date DATE;
ALTER TABLE nudge ADD COLUMN expires_at      TIMESTAMPTZ;
ALTER TABLE nudge ADD COLUMN capped          BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX nudge_user_kind_idx ON nudge (user_id, kind, created_at);

-- Messages written in the same transaction as the row they announce; the relay publishes and deletes them.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    topic       TEXT        NOT NULL,
    message_key TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    kind        TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);

-- One row per person we know: their current plan (as received), zone and the state the rules look at.
CREATE TABLE person (
    user_id               TEXT PRIMARY KEY,
    plan_version          INTEGER,
    plan                  TEXT,
    zone                  TEXT        NOT NULL DEFAULT 'UTC',
    active_since          TIMESTAMPTZ,
    last_session_event_at TIMESTAMPTZ,
    pause_until           TIMESTAMPTZ,
    adherence7            DOUBLE PRECISION,
    adherence_time        TIMESTAMPTZ,
    last_lapse_at         TIMESTAMPTZ
);

CREATE TABLE streak (
    user_id    TEXT    NOT NULL,
    routine_id TEXT    NOT NULL,
    streak     INTEGER NOT NULL,
    PRIMARY KEY (user_id, routine_id)
);

-- The person's own choices; safety kinds can never be muted (checked by the API).
CREATE TABLE preferences (
    user_id     TEXT PRIMARY KEY,
    quiet_start TIME,
    quiet_end   TIME,
    muted       TEXT NOT NULL DEFAULT ''
);

-- Nudges planned for later: reminders and follow-ups from the plan, check-ins, and nudges held back by quiet
-- hours. The id is the nudge id it will become. The scheduler takes due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE due_nudge (
    id              TEXT PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    routine_id      TEXT,
    occurrence_date DATE,
    title           TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    planned_at      TIMESTAMPTZ NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ,
    status          TEXT        NOT NULL DEFAULT 'pending',
    reason          TEXT
);
CREATE INDEX due_nudge_pending_idx ON due_nudge (due_at) WHERE status = 'pending';
CREATE INDEX due_nudge_user_idx ON due_nudge (user_id, kind, planned_at);

CREATE TABLE pain_stop (
    event_id   TEXT PRIMARY KEY,
    user_id    TEXT        NOT NULL,
    routine_id TEXT,
    pain       INTEGER     NOT NULL,
    sharp      BOOLEAN     NOT NULL,
    red_flag   BOOLEAN     NOT NULL,
    stopped_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX pain_stop_user_idx ON pain_stop (user_id, stopped_at);

-- A session of a routine started on a local date: a due reminder for it is not sent.
CREATE TABLE session_day (
    user_id    TEXT NOT NULL,
    routine_id TEXT NOT NULL,
    local_date DATE NOT NULL,
    PRIMARY KEY (user_id, routine_id, local_date)
);

CREATE TABLE care_review (
    id           TEXT PRIMARY KEY,
    user_id      TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    urgent       BOOLEAN     NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX care_review_user_idx ON care_review (user_id);
