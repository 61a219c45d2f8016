-- platform/outbox: per-key lanes, set by the table itself, and relays woken by the commit itself.

-- Lanes: rows of one key share a lane, and a relay publishes a lane only while it holds that lane's row lock
-- (FOR UPDATE SKIP LOCKED), so one person's records leave in order even with several replicas relaying.
ALTER TABLE outbox ADD COLUMN lane INTEGER NOT NULL DEFAULT 0;
UPDATE outbox SET lane = mod(hashtext(message_key) & 2147483647, 16);
CREATE INDEX outbox_lane_idx ON outbox (lane, id);

CREATE TABLE outbox_lane (
    lane INTEGER PRIMARY KEY
);
INSERT INTO outbox_lane (lane) SELECT generate_series(0, 15);

-- A row's lane follows from its key, whoever writes it.
CREATE FUNCTION outbox_set_lane() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.lane := mod(hashtext(NEW.message_key) & 2147483647, 16);
    RETURN NEW;
END $$;
CREATE TRIGGER outbox_set_lane BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_set_lane();

-- Every insert statement notifies 'outbox_written'; PostgreSQL delivers it only when the writing transaction commits,
-- to every replica's relay that LISTENs. No caller wakes the relay.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_written', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
