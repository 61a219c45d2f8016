package io.limber.session.adherence.repository;

import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The {@code processed_event} table: the CloudEvent (source, id) of every plan event processed, written in the same
 * transaction as its effect, so a redelivered one changes nothing. (Session events are deduplicated by
 * {@code session_event} itself.)
 */
@ApplicationScoped
public class ProcessedEventRepository {

    private static final String MARK = "INSERT INTO processed_event (event_source, event_id, user_id, processed_at)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING event_id";

    /** Records the event as processed; false when it was already. */
    public Uni<Boolean> markNew(Tx tx, String source, String id, String userId, Instant at) {
        return tx.sql().preparedQuery(MARK).execute(Tuple.of(source, id, userId, Sql.ts(at)))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<Void> deletePerson(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM processed_event WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }
}
