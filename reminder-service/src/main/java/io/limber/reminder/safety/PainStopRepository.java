package io.limber.reminder.safety;

import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.limber.reminder.rules.PainSafetyRule;
import io.limber.reminder.rules.PainStop;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The {@code pain_stop} table: each pain-stop once, by event id, so a second one within 7 days is seen. */
@ApplicationScoped
public class PainStopRepository {

    public Uni<Void> insert(Tx tx, PainStop stop) {
        return tx.sql().preparedQuery("""
                        INSERT INTO pain_stop (event_id, user_id, routine_id, pain, sharp, red_flag, stopped_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.from(new Object[] {stop.eventId(), stop.userId(), stop.routineId(), stop.pain(),
                        stop.sharp(), stop.redFlag(), Sql.ts(stop.time())}))
                .replaceWithVoid();
    }

    /** The person's other pain-stops within {@link PainSafetyRule#REPEAT_WINDOW} before this one (id and time only). */
    public Uni<List<PainStop>> earlierStops(Tx tx, PainStop stop) {
        return tx.sql().preparedQuery("""
                        SELECT event_id, stopped_at FROM pain_stop
                        WHERE user_id = $1 AND event_id <> $2 AND stopped_at > $3 AND stopped_at <= $4""")
                .execute(Tuple.of(stop.userId(), stop.eventId(), Sql.ts(stop.time().minus(PainSafetyRule.REPEAT_WINDOW)),
                        Sql.ts(stop.time())))
                .map(rows -> {
                    List<PainStop> stops = new ArrayList<>();
                    rows.forEach(r -> stops.add(new PainStop(r.getString("event_id"), stop.userId(), null, null, 0,
                            false, List.of(), Sql.instant(r, "stopped_at"))));
                    return stops;
                });
    }

    public Uni<Void> erase(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM pain_stop WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }
}
