-- One write path (issue 15): what the adherence calculation reads of each session event is stored in columns, not as
-- the CloudEvent's JSON re-parsed at every recompute; each person keeps the checkpoint of their long-memory figures.

ALTER TABLE session_event
    ADD COLUMN routine_id        TEXT,         -- session events; null for pain.reported
    ADD COLUMN routine_version   INT,
    ADD COLUMN started_at        TIMESTAMPTZ,
    ADD COLUMN completed_at      TIMESTAMPTZ,  -- session.completed
    ADD COLUMN exercise_id       TEXT,         -- session.pain-stopped
    ADD COLUMN pain              INT,          -- session.pain-stopped, pain.reported
    ADD COLUMN sharp             BOOLEAN,      -- session.pain-stopped
    ADD COLUMN red_flags         TEXT[],       -- session.pain-stopped
    ADD COLUMN settled           BOOLEAN,      -- pain.reported
    -- session.completed: one element per reported hold, in the order reported (seconds or reps may be null)
    ADD COLUMN hold_exercise_ids TEXT[],
    ADD COLUMN hold_positions    TEXT[],
    ADD COLUMN hold_seconds      INT[],
    ADD COLUMN hold_reps         INT[],
    -- the earliest instant the event concerns: its session's start, or its own time when earlier; a recompute from
    -- a checkpoint reads the events from a day before it
    ADD COLUMN concerns_from     TIMESTAMPTZ;

UPDATE session_event e SET
    routine_id = d ->> 'routineId',
    routine_version = (d ->> 'routineVersion')::int,
    started_at = (d ->> 'startedAt')::timestamptz,
    completed_at = (d ->> 'completedAt')::timestamptz,
    exercise_id = d ->> 'exerciseId',
    pain = (d ->> 'pain')::int,
    sharp = (d ->> 'sharp')::boolean,
    red_flags = CASE WHEN d ? 'redFlags'
        THEN ARRAY(SELECT jsonb_array_elements_text(d -> 'redFlags')) END,
    settled = (d ->> 'settled')::boolean,
    hold_exercise_ids = CASE WHEN d ? 'holds'
        THEN ARRAY(SELECT h ->> 'exerciseId' FROM jsonb_array_elements(d -> 'holds') WITH ORDINALITY AS x(h, n) ORDER BY n) END,
    hold_positions = CASE WHEN d ? 'holds'
        THEN ARRAY(SELECT h ->> 'position' FROM jsonb_array_elements(d -> 'holds') WITH ORDINALITY AS x(h, n) ORDER BY n) END,
    hold_seconds = CASE WHEN d ? 'holds'
        THEN ARRAY(SELECT (h ->> 'seconds')::int FROM jsonb_array_elements(d -> 'holds') WITH ORDINALITY AS x(h, n) ORDER BY n) END,
    hold_reps = CASE WHEN d ? 'holds'
        THEN ARRAY(SELECT (h ->> 'reps')::int FROM jsonb_array_elements(d -> 'holds') WITH ORDINALITY AS x(h, n) ORDER BY n) END
FROM (SELECT id, payload::jsonb -> 'data' AS d FROM session_event) AS p
WHERE p.id = e.id;

UPDATE session_event SET concerns_from = LEAST(occurred_at, COALESCE(started_at, occurred_at));
ALTER TABLE session_event ALTER COLUMN concerns_from SET NOT NULL;
ALTER TABLE session_event DROP COLUMN payload;
DROP INDEX session_event_user_idx;
CREATE INDEX session_event_user_idx ON session_event (user_id, concerns_from);

-- Session events are deduplicated by session_event's own (event_source, event_id); processed_event keeps the
-- plans' CloudEvent ids only.
DELETE FROM processed_event p USING session_event e
    WHERE e.event_source = p.event_source AND e.event_id = p.event_id;

-- The checkpoint of the long-memory figures (streaks, habit strength) as of a closed local day, JSON of
-- AdherenceCheckpoint; null: none yet, the next recompute reads the whole history. The parsed histories kept in
-- memory (history_version) are gone: a recompute reads only the days after the checkpoint.
ALTER TABLE person
    ADD COLUMN checkpoint TEXT,
    -- sessions abandoned in the snapshot's 28 days, summed over routines: a rise counts on the abandoned meter
    ADD COLUMN abandoned28 INT NOT NULL DEFAULT 0,
    DROP COLUMN history_version;
UPDATE person SET abandoned28 = COALESCE((SELECT sum((r ->> 'abandoned28')::int)
    FROM jsonb_array_elements(snapshot::jsonb -> 'routines') AS r), 0) WHERE snapshot IS NOT NULL;
DROP SEQUENCE person_history_version_seq;
