package io.limber.platform.outbox;

import java.time.Instant;

/** One outbox row as the relay reads it; a null payload is a tombstone, {@code kind} is null where a table has none. */
public record OutboxRecord(long id, String topic, String key, String payload, String kind, Instant createdAt) {

    public boolean tombstone() {
        return payload == null;
    }
}
