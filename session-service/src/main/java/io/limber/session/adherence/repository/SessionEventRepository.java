package io.limber.session.adherence.repository;

import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.limber.session.adherence.Activity;
import io.limber.session.adherence.AdherenceCheckpoint;
import io.limber.session.contract.EventSchemas;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code session_event} table: every accepted session event once per CloudEvent (source, id), with what the
 * adherence calculation reads of it in columns, so a recompute never re-parses JSON.
 */
@ApplicationScoped
public class SessionEventRepository {

    /** A session event to store: whose, its CloudEvent type and the activity it reports. */
    public record NewEvent(String userId, String type, Activity activity) {
    }

    private static final String COLUMNS = "event_source, event_id, type, user_id, session_id, occurred_at,"
            + " routine_id, routine_version, started_at, completed_at, exercise_id, pain, sharp, red_flags, settled,"
            + " hold_exercise_ids, hold_positions, hold_seconds, hold_reps, concerns_from";
    private static final String INSERT = "INSERT INTO session_event (" + COLUMNS + ", received_at) VALUES ($1, $2,"
            + " $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)"
            + " ON CONFLICT (event_source, event_id) DO NOTHING RETURNING event_source, event_id";
    /** Per person, the events concerning instants from {@code since} on; a null {@code since} reads them all. */
    private static final String SINCE = "SELECT e." + COLUMNS.replace(", ", ", e.")
            + " FROM unnest($1::text[], $2::timestamptz[])"
            + " AS w(user_id, since) JOIN session_event e ON e.user_id = w.user_id"
            + " AND (w.since IS NULL OR e.concerns_from >= w.since)";
    private static final String OF_PERSON = "SELECT " + COLUMNS + " FROM session_event WHERE user_id = $1";

    /** Stores the events not stored before (one statement per event, pipelined); the keys of those it stored. */
    public Uni<Set<Activity.EventKey>> insertNew(Tx tx, List<NewEvent> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        OffsetDateTime received = Sql.ts(receivedAt);
        List<Tuple> rows = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            rows.add(row(event, received));
        }
        return tx.sql().preparedQuery(INSERT).executeBatch(rows).map(result -> {
            Set<Activity.EventKey> stored = new HashSet<>();
            for (RowSet<Row> rs = result; rs != null; rs = rs.next()) {
                for (Row row : rs) {
                    stored.add(new Activity.EventKey(row.getString("event_source"), row.getString("event_id")));
                }
            }
            return stored;
        });
    }

    /** Each person's activities concerning instants from their {@code since} on (null: all of them). */
    public Uni<Map<String, List<Activity>>> since(Tx tx, Map<String, Instant> since) {
        if (since.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] users = since.keySet().toArray(String[]::new);
        OffsetDateTime[] from = Arrays.stream(users).map(u -> Sql.ts(since.get(u))).toArray(OffsetDateTime[]::new);
        return tx.sql().preparedQuery(SINCE).execute(Tuple.of(users, from)).map(rows -> {
            Map<String, List<Activity>> byUser = new HashMap<>();
            for (String user : users) {
                byUser.put(user, new ArrayList<>());
            }
            for (Row row : rows) {
                byUser.get(row.getString("user_id")).add(activity(row));
            }
            return byUser;
        });
    }

    /** Every activity of one person. */
    public Uni<List<Activity>> all(Tx tx, String userId) {
        return tx.sql().preparedQuery(OF_PERSON).execute(Tuple.of(userId)).map(rows -> {
            List<Activity> activities = new ArrayList<>();
            rows.forEach(row -> activities.add(activity(row)));
            return activities;
        });
    }

    public Uni<Void> deletePerson(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM session_event WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }

    private static Tuple row(NewEvent event, OffsetDateTime received) {
        Activity a = event.activity();
        Object[] values = new Object[21];
        values[0] = a.key().source();
        values[1] = a.key().id();
        values[2] = event.type();
        values[3] = event.userId();
        values[5] = Sql.ts(a.time());
        values[19] = Sql.ts(AdherenceCheckpoint.earliestInstant(a)); // concerns_from
        values[20] = received;
        if (a instanceof Activity.SessionActivity s) {
            values[4] = s.sessionId();
            values[6] = s.routineId();
            values[7] = s.routineVersion();
            values[8] = Sql.ts(s.startedAt());
        }
        if (a instanceof Activity.SessionCompleted c) {
            values[9] = Sql.ts(c.completedAt());
            values[15] = c.holds().stream().map(Activity.ReportedHold::exerciseId).toArray(String[]::new);
            values[16] = c.holds().stream().map(Activity.ReportedHold::position).toArray(String[]::new);
            values[17] = c.holds().stream().map(Activity.ReportedHold::seconds).toArray(Integer[]::new);
            values[18] = c.holds().stream().map(Activity.ReportedHold::reps).toArray(Integer[]::new);
        } else if (a instanceof Activity.SessionPainStopped p) {
            values[10] = p.exerciseId();
            values[11] = p.pain();
            values[12] = p.sharp();
            values[13] = p.redFlags().stream().sorted().toArray(String[]::new);
        } else if (a instanceof Activity.PainReported r) {
            values[11] = r.pain();
            values[14] = r.settled();
        }
        return Tuple.from(values);
    }

    private static Activity activity(Row row) {
        Activity.EventKey key = new Activity.EventKey(row.getString("event_source"), row.getString("event_id"));
        Instant time = Sql.instant(row, "occurred_at");
        String type = row.getString("type");
        return switch (type) {
            case EventSchemas.SESSION_STARTED -> new Activity.SessionStarted(key, time, row.getString("session_id"),
                    row.getString("routine_id"), row.getInteger("routine_version"), Sql.instant(row, "started_at"));
            case EventSchemas.SESSION_COMPLETED -> new Activity.SessionCompleted(key, time, row.getString("session_id"),
                    row.getString("routine_id"), row.getInteger("routine_version"), Sql.instant(row, "started_at"),
                    Sql.instant(row, "completed_at"), holds(row));
            case EventSchemas.SESSION_PAIN_STOPPED -> new Activity.SessionPainStopped(key, time,
                    row.getString("session_id"), row.getString("routine_id"), row.getInteger("routine_version"),
                    Sql.instant(row, "started_at"), row.getString("exercise_id"), row.getInteger("pain"),
                    row.getBoolean("sharp"), new LinkedHashSet<>(Arrays.asList(row.getArrayOfStrings("red_flags"))));
            case EventSchemas.PAIN_REPORTED -> new Activity.PainReported(key, time, row.getInteger("pain"),
                    row.getBoolean("settled"));
            default -> throw new IllegalStateException("stored session event of unknown type " + type);
        };
    }

    private static List<Activity.ReportedHold> holds(Row row) {
        String[] exercises = row.getArrayOfStrings("hold_exercise_ids");
        String[] positions = row.getArrayOfStrings("hold_positions");
        Integer[] seconds = row.getArrayOfIntegers("hold_seconds");
        Integer[] reps = row.getArrayOfIntegers("hold_reps");
        List<Activity.ReportedHold> holds = new ArrayList<>(exercises.length);
        for (int i = 0; i < exercises.length; i++) {
            holds.add(new Activity.ReportedHold(exercises[i], positions[i], seconds[i], reps[i]));
        }
        return holds;
    }
}
