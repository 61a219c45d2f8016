-- A new number from this sequence each time a person's stored history (plan versions, session events) changes:
-- a replica that keeps a person's parsed history in memory uses its copy only while the number is the one stored.
CREATE SEQUENCE person_history_version_seq;
ALTER TABLE person ADD COLUMN history_version BIGINT NOT NULL DEFAULT nextval('person_history_version_seq');
