package io.limber.routine.outbox;

/** One outbox row as the relay reads it; a null payload is a tombstone. */
public record OutboxRecord(long id, String topic, String key, String eventId, String payload) {

    public boolean tombstone() {
        return payload == null;
    }
}
