package io.limber.reminder.adherence;

import io.limber.platform.db.Tx;
import io.limber.reminder.rules.Adherence;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code streak} table: each routine's streak as the last adherence snapshot gave it, for milestones. */
@ApplicationScoped
public class StreakRepository {

    /** By routine id. */
    public Uni<Map<String, Integer>> streaks(Tx tx, String userId) {
        return tx.sql().preparedQuery("SELECT routine_id, streak FROM streak WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    Map<String, Integer> streaks = new HashMap<>();
                    rows.forEach(r -> streaks.put(r.getString("routine_id"), r.getInteger("streak")));
                    return streaks;
                });
    }

    public Uni<Void> saveAll(Tx tx, String userId, List<Adherence.RoutineAdherence> routines) {
        return Multi.createFrom().iterable(routines)
                .onItem().transformToUniAndConcatenate(r -> tx.sql().preparedQuery("""
                                INSERT INTO streak (user_id, routine_id, streak) VALUES ($1, $2, $3)
                                ON CONFLICT (user_id, routine_id) DO UPDATE SET streak = EXCLUDED.streak""")
                        .execute(Tuple.of(userId, r.routineId(), r.streak())))
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> erase(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM streak WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }
}
