-- platform/outbox: the table itself sets each row's lane from its key and wakes the relays after commit.

-- A row's lane follows from its key whoever writes it (rows of one user share a lane, so a relay that holds the lane
-- publishes them in order). Rows already waiting move to the lane the function gives them.
CREATE FUNCTION outbox_set_lane() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.lane := mod(hashtext(NEW.record_key) & 2147483647, 16);
    RETURN NEW;
END $$;
CREATE TRIGGER outbox_set_lane BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_set_lane();
UPDATE outbox SET lane = mod(hashtext(record_key) & 2147483647, 16);

-- Every insert statement notifies 'outbox_written'; PostgreSQL delivers it only when the writing transaction commits,
-- to every replica's relay that LISTENs. No caller wakes the relay.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_written', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
