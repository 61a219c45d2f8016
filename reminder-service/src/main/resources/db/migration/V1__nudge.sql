-- Every nudge sent, keyed by its deterministic id (person, rule, occurrence): a nudge exists once.
CREATE TABLE nudge (
    id          TEXT PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    priority    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX nudge_user_idx ON nudge (user_id, created_at);
