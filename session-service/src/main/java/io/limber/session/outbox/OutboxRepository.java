package io.limber.session.outbox;

import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Writes the {@code outbox} table in the caller's transaction; platform/outbox's relay publishes and deletes the rows
 * once the transaction has committed (the table's trigger wakes it).
 */
@ApplicationScoped
public class OutboxRepository {

    /** A record to publish: topic, key, value (null: a tombstone). */
    public record Message(String topic, String key, String payload) {
    }

    private static final String INSERT = "INSERT INTO outbox (topic, message_key, payload, created_at)"
            + " VALUES ($1, $2, $3, $4)";

    public Uni<Void> add(Tx tx, List<Message> messages, Instant at) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = messages.stream()
                .map(m -> Tuple.of(m.topic(), m.key(), m.payload(), Sql.ts(at)))
                .toList();
        return tx.sql().preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    /** Drops what is still unpublished for a key (an erased person's older snapshots). */
    public Uni<Void> deleteKey(Tx tx, String key) {
        return tx.sql().preparedQuery("DELETE FROM outbox WHERE message_key = $1").execute(Tuple.of(key))
                .replaceWithVoid();
    }
}
