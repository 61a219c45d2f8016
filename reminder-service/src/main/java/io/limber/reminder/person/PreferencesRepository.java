package io.limber.reminder.person;

import io.limber.platform.db.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The {@code preferences} table, its only writer; muted kinds are stored comma-separated. */
@ApplicationScoped
public class PreferencesRepository {

    public Uni<Optional<NudgePreferences>> find(Tx tx, String userId) {
        return tx.sql().preparedQuery("SELECT quiet_start, quiet_end, muted FROM preferences WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
    }

    /** Replaces the person's choices. */
    public Uni<Void> save(Tx tx, String userId, NudgePreferences preferences) {
        return tx.sql().preparedQuery("""
                        INSERT INTO preferences (user_id, quiet_start, quiet_end, muted) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (user_id) DO UPDATE SET quiet_start = EXCLUDED.quiet_start,
                            quiet_end = EXCLUDED.quiet_end, muted = EXCLUDED.muted""")
                .execute(Tuple.of(userId, preferences.quietStart(), preferences.quietEnd(),
                        String.join(",", preferences.mutedKinds())))
                .replaceWithVoid();
    }

    public Uni<Void> erase(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM preferences WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }

    private static NudgePreferences read(Row row) {
        String muted = row.getString("muted");
        return new NudgePreferences(row.getLocalTime("quiet_start"), row.getLocalTime("quiet_end"),
                muted == null || muted.isEmpty() ? List.of() : List.of(muted.split(",")));
    }
}
