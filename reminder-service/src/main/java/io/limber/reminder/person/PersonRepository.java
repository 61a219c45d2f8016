package io.limber.reminder.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.PersonState;
import io.limber.reminder.rules.Plan;
import io.limber.reminder.rules.QuietHours;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code person} table, its only writer: what the rules need to know about a person (plan, zone, last activity,
 * safety pause, last adherence seen), on the caller's transaction. The gate's view also reads the person's
 * preferences and recent nudges in the same query.
 */
@ApplicationScoped
public class PersonRepository {

    private final ObjectMapper mapper;

    public PersonRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Any session event: the person was active at {@code time} (a late event never moves it back). */
    public Uni<Void> markActive(Tx tx, String userId, Instant time) {
        return tx.sql().preparedQuery("""
                        INSERT INTO person (user_id, last_session_event_at) VALUES ($1, $2)
                        ON CONFLICT (user_id) DO UPDATE SET last_session_event_at =
                            GREATEST(COALESCE(person.last_session_event_at, $2), $2)""")
                .execute(Tuple.of(userId, Sql.ts(time)))
                .replaceWithVoid();
    }

    /** Starts or extends the person's safety pause; an earlier trigger never shortens a later one. */
    public Uni<Void> pause(Tx tx, String userId, Optional<Instant> until) {
        return until.map(end -> tx.sql().preparedQuery("""
                                UPDATE person SET pause_until = GREATEST(COALESCE(pause_until, $2), $2)
                                WHERE user_id = $1""")
                        .execute(Tuple.of(userId, Sql.ts(end))).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * Stores a plan version newer than the one held (the first sets {@code active_since}); true when it did, false
     * when this version or a newer one is already there.
     */
    public Uni<Boolean> savePlan(Tx tx, Plan plan, String planJson, Instant publishedAt) {
        return tx.sql().preparedQuery("""
                        INSERT INTO person (user_id, plan_version, plan, zone, active_since)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (user_id) DO UPDATE SET plan_version = EXCLUDED.plan_version, plan = EXCLUDED.plan,
                            zone = EXCLUDED.zone, active_since = COALESCE(person.active_since, EXCLUDED.active_since)
                        WHERE person.plan_version IS NULL OR person.plan_version < EXCLUDED.plan_version
                        RETURNING user_id""")
                .execute(Tuple.of(plan.userId(), plan.version(), planJson, plan.zone().getId(), Sql.ts(publishedAt)))
                .map(rows -> rows.size() > 0);
    }

    /** The adherence last seen for a person, read with the row locked until the transaction ends. */
    public record SeenAdherence(Double adherence7, Instant time, Instant lastLapseAt) {
    }

    /** The person's row must exist ({@link #ensure}). */
    public Uni<SeenAdherence> lockAdherence(Tx tx, String userId) {
        return tx.sql().preparedQuery("""
                        SELECT adherence7, adherence_time, last_lapse_at FROM person
                        WHERE user_id = $1 FOR UPDATE""").execute(Tuple.of(userId))
                .map(rows -> {
                    Row person = rows.iterator().next();
                    return new SeenAdherence(person.getDouble("adherence7"), Sql.instant(person, "adherence_time"),
                            Sql.instant(person, "last_lapse_at"));
                });
    }

    /** Remembers the snapshot just handled, and the lapse nudge if one came of it. */
    public Uni<Void> saveAdherence(Tx tx, String userId, Double adherence7, Instant time, boolean lapsed,
                                   Instant now) {
        return tx.sql().preparedQuery("""
                        UPDATE person SET adherence7 = $2, adherence_time = $3,
                            last_lapse_at = CASE WHEN $4 THEN $5 ELSE last_lapse_at END
                        WHERE user_id = $1""")
                .execute(Tuple.of(userId, adherence7, Sql.ts(time), lapsed, Sql.ts(now)))
                .replaceWithVoid();
    }

    public Uni<Void> erase(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM person WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }

    /** Makes sure the person has a row (events may arrive before their plan). */
    public Uni<Void> ensure(Tx tx, String userId) {
        return tx.sql().preparedQuery("INSERT INTO person (user_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(userId)).replaceWithVoid();
    }

    public Uni<Optional<Plan>> plan(Tx tx, String userId) {
        return tx.sql().preparedQuery("SELECT plan FROM person WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0 || rows.iterator().next().getString("plan") == null) {
                        return Optional.empty();
                    }
                    return Optional.of(parsePlan(rows.iterator().next().getString("plan")));
                });
    }

    public Uni<ZoneId> zone(Tx tx, String userId) {
        return tx.sql().preparedQuery("SELECT zone FROM person WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? ZoneId.of("UTC") : ZoneId.of(rows.iterator().next().getString("zone")));
    }

    /** The gate's view of the person at {@code now}. */
    public Uni<PersonState> state(Tx tx, String userId, Instant now) {
        Uni<Row> person = tx.sql().preparedQuery("""
                        SELECT p.zone, p.pause_until, COALESCE(p.last_session_event_at, p.active_since) AS last_active,
                               p.plan, pr.quiet_start, pr.quiet_end, pr.muted,
                               (SELECT max(created_at) FROM nudge n WHERE n.user_id = u.id AND n.kind = 'reminder')
                                   AS last_reminder
                        FROM (SELECT $1::text AS id) u
                        LEFT JOIN person p ON p.user_id = u.id
                        LEFT JOIN preferences pr ON pr.user_id = u.id""")
                .execute(Tuple.of(userId)).map(rows -> rows.iterator().next());
        Uni<List<Instant>> capped = tx.sql().preparedQuery(
                        "SELECT created_at FROM nudge WHERE user_id = $1 AND capped AND created_at > $2")
                .execute(Tuple.of(userId, Sql.ts(now.minus(Duration.ofDays(2)))))
                .map(rows -> {
                    List<Instant> times = new ArrayList<>();
                    rows.forEach(r -> times.add(Sql.instant(r, "created_at")));
                    return times;
                });
        return person.flatMap(row -> capped.map(times -> {
            String zone = row.getString("zone");
            String plan = row.getString("plan");
            QuietHours quietHours = row.getLocalTime("quiet_start") != null
                    ? new QuietHours(row.getLocalTime("quiet_start"), row.getLocalTime("quiet_end"))
                    : plan != null ? parsePlan(plan).quietHours() : QuietHours.DEFAULT;
            return new PersonState(userId, zone == null ? ZoneId.of("UTC") : ZoneId.of(zone), quietHours,
                    muted(row.getString("muted")), Sql.instant(row, "pause_until"), Sql.instant(row, "last_active"),
                    Sql.instant(row, "last_reminder"), times);
        }));
    }

    /** What the gate and the top-up need to know about one person: their state and their current plan, if any. */
    public record Known(PersonState state, Optional<Plan> plan) {
    }

    /** {@link #state} and {@link #plan} of many people in two queries. */
    public Uni<Map<String, Known>> known(Tx tx, Collection<String> userIds, Instant now) {
        String[] ids = userIds.toArray(String[]::new);
        Uni<RowSet<Row>> people = tx.sql().preparedQuery("""
                        SELECT u.id, p.zone, p.pause_until, COALESCE(p.last_session_event_at, p.active_since)
                                   AS last_active,
                               p.plan, pr.quiet_start, pr.quiet_end, pr.muted,
                               (SELECT max(created_at) FROM nudge n WHERE n.user_id = u.id AND n.kind = 'reminder')
                                   AS last_reminder
                        FROM unnest($1::text[]) AS u (id)
                        LEFT JOIN person p ON p.user_id = u.id
                        LEFT JOIN preferences pr ON pr.user_id = u.id""")
                .execute(Tuple.of(ids));
        Uni<Map<String, List<Instant>>> capped = tx.sql().preparedQuery("""
                        SELECT user_id, created_at FROM nudge
                        WHERE user_id = ANY($1::text[]) AND capped AND created_at > $2""")
                .execute(Tuple.of(ids, Sql.ts(now.minus(Duration.ofDays(2)))))
                .map(rows -> {
                    Map<String, List<Instant>> times = new HashMap<>();
                    rows.forEach(r -> times.computeIfAbsent(r.getString("user_id"), id -> new ArrayList<>())
                            .add(Sql.instant(r, "created_at")));
                    return times;
                });
        return people.flatMap(rows -> capped.map(times -> {
            Map<String, Known> known = new HashMap<>();
            rows.forEach(row -> {
                String userId = row.getString("id");
                String zone = row.getString("zone");
                String planJson = row.getString("plan");
                Optional<Plan> plan = planJson == null ? Optional.empty() : Optional.of(parsePlan(planJson));
                QuietHours quietHours = row.getLocalTime("quiet_start") != null
                        ? new QuietHours(row.getLocalTime("quiet_start"), row.getLocalTime("quiet_end"))
                        : plan.map(Plan::quietHours).orElse(QuietHours.DEFAULT);
                known.put(userId, new Known(new PersonState(userId, zone == null ? ZoneId.of("UTC") : ZoneId.of(zone),
                        quietHours, muted(row.getString("muted")), Sql.instant(row, "pause_until"),
                        Sql.instant(row, "last_active"), Sql.instant(row, "last_reminder"),
                        times.getOrDefault(userId, List.of())), plan));
            });
            return known;
        }));
    }

    public static Set<NudgeKind> muted(String stored) {
        Set<NudgeKind> kinds = EnumSet.noneOf(NudgeKind.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(NudgeKind::fromWire).flatMap(Optional::stream).forEach(kinds::add);
        }
        return kinds;
    }

    public static QuietHours quietHours(LocalTime start, LocalTime end) {
        return start == null || end == null ? null : new QuietHours(start, end);
    }

    private Plan parsePlan(String json) {
        try {
            return EventMapper.plan(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan is not JSON", e);
        }
    }
}
