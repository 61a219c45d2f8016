package io.limber.reminder.schedule;

import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.limber.reminder.rules.NudgeDraft;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code session_day} table: the local dates on which a session of a routine began, which stop that day's
 * reminder and follow-up.
 */
@ApplicationScoped
public class SessionDayRepository {

    /** A session of the routine began at {@code startedAt}: on that local date in the person's zone. */
    public Uni<Void> markStarted(Tx tx, String userId, String routineId, Instant startedAt) {
        // the local date in the person's zone, which PostgreSQL knows by the same IANA name
        return tx.sql().preparedQuery("""
                        INSERT INTO session_day (user_id, routine_id, local_date)
                        SELECT user_id, $2, ($3 AT TIME ZONE zone)::date FROM person WHERE user_id = $1
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(userId, routineId, Sql.ts(startedAt)))
                .replaceWithVoid();
    }

    /** The (user, routine, local date) keys, among those asked, on which a session of the routine started. */
    public Uni<Set<String>> sessionsStarted(Tx tx, List<NudgeDraft> reminders) {
        if (reminders.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return tx.sql().preparedQuery("""
                        SELECT s.user_id, s.routine_id, s.local_date FROM session_day s
                        JOIN unnest($1::text[], $2::text[], $3::date[]) AS t (user_id, routine_id, local_date)
                          ON s.user_id = t.user_id AND s.routine_id = t.routine_id AND s.local_date = t.local_date""")
                .execute(DueNudgeRepository.occurrences(reminders))
                .map(rows -> {
                    Set<String> started = new HashSet<>();
                    rows.forEach(r -> started.add(DueNudgeRepository.occurrenceKey(r.getString("user_id"),
                            r.getString("routine_id"), r.getLocalDate("local_date"))));
                    return started;
                });
    }

    public Uni<Void> erase(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM session_day WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }
}
