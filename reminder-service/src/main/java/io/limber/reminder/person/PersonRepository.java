package io.limber.reminder.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.reminder.db.Sql;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.PersonState;
import io.limber.reminder.rules.Plan;
import io.limber.reminder.rules.QuietHours;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
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

/** Loads and keeps what the rules need to know about a person, on the caller's transaction. */
@ApplicationScoped
public class PersonRepository {

    private final ObjectMapper mapper;

    public PersonRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Makes sure the person has a row (events may arrive before their plan). */
    public Uni<Void> ensure(SqlConnection tx, String userId) {
        return tx.preparedQuery("INSERT INTO person (user_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(userId)).replaceWithVoid();
    }

    public Uni<Optional<Plan>> plan(SqlConnection tx, String userId) {
        return tx.preparedQuery("SELECT plan FROM person WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0 || rows.iterator().next().getString("plan") == null) {
                        return Optional.empty();
                    }
                    return Optional.of(parsePlan(rows.iterator().next().getString("plan")));
                });
    }

    public Uni<ZoneId> zone(SqlConnection tx, String userId) {
        return tx.preparedQuery("SELECT zone FROM person WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? ZoneId.of("UTC") : ZoneId.of(rows.iterator().next().getString("zone")));
    }

    /** The gate's view of the person at {@code now}. */
    public Uni<PersonState> state(SqlConnection tx, String userId, Instant now) {
        Uni<Row> person = tx.preparedQuery("""
                        SELECT p.zone, p.pause_until, COALESCE(p.last_session_event_at, p.active_since) AS last_active,
                               p.plan, pr.quiet_start, pr.quiet_end, pr.muted,
                               (SELECT max(created_at) FROM nudge n WHERE n.user_id = u.id AND n.kind = 'reminder')
                                   AS last_reminder
                        FROM (SELECT $1::text AS id) u
                        LEFT JOIN person p ON p.user_id = u.id
                        LEFT JOIN preferences pr ON pr.user_id = u.id""")
                .execute(Tuple.of(userId)).map(rows -> rows.iterator().next());
        Uni<List<Instant>> capped = tx.preparedQuery(
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
    public Uni<Map<String, Known>> known(SqlConnection tx, Collection<String> userIds, Instant now) {
        String[] ids = userIds.toArray(String[]::new);
        Uni<RowSet<Row>> people = tx.preparedQuery("""
                        SELECT u.id, p.zone, p.pause_until, COALESCE(p.last_session_event_at, p.active_since)
                                   AS last_active,
                               p.plan, pr.quiet_start, pr.quiet_end, pr.muted,
                               (SELECT max(created_at) FROM nudge n WHERE n.user_id = u.id AND n.kind = 'reminder')
                                   AS last_reminder
                        FROM unnest($1::text[]) AS u (id)
                        LEFT JOIN person p ON p.user_id = u.id
                        LEFT JOIN preferences pr ON pr.user_id = u.id""")
                .execute(Tuple.of(ids));
        Uni<Map<String, List<Instant>>> capped = tx.preparedQuery("""
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
