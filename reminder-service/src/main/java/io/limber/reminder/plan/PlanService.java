package io.limber.reminder.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.limber.reminder.db.Sql;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.rules.DueReminderRule;
import io.limber.reminder.rules.Plan;
import io.limber.reminder.schedule.DueNudgeRepository;
import io.limber.reminder.schedule.DueNudgeScheduler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Keeps each person's plan and plans their reminders from it: a new version re-plans the future rows (a paused or
 * ended plan has none), an older or repeated version changes nothing, and a tombstone erases the person.
 */
@ApplicationScoped
public class PlanService {

    private final Pool pool;
    private final DueNudgeRepository dueRows;
    private final Clock clock;
    private final DueReminderRule rule = new DueReminderRule();

    public PlanService(Pool pool, DueNudgeRepository dueRows, Clock clock) {
        this.pool = pool;
        this.dueRows = dueRows;
        this.clock = clock;
    }

    public Uni<Void> onPlan(JsonNode event) {
        JsonNode data = event.path("data");
        Plan plan = EventMapper.plan(data);
        Instant publishedAt = data.hasNonNull("publishedAt") ? Instant.parse(data.get("publishedAt").asText())
                : EventMapper.time(event);
        Instant now = Instant.now(clock);
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO person (user_id, plan_version, plan, zone, active_since)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (user_id) DO UPDATE SET plan_version = EXCLUDED.plan_version, plan = EXCLUDED.plan,
                            zone = EXCLUDED.zone, active_since = COALESCE(person.active_since, EXCLUDED.active_since)
                        WHERE person.plan_version IS NULL OR person.plan_version < EXCLUDED.plan_version
                        RETURNING user_id""")
                .execute(Tuple.of(plan.userId(), plan.version(), data.toString(), plan.zone().getId(),
                        Sql.ts(publishedAt)))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem(); // this version, or a newer one, is already planned
                    }
                    // from yesterday (a late-evening time may still be ahead in UTC terms) or the plan's start
                    LocalDate yesterday = now.atZone(plan.zone()).toLocalDate().minusDays(1);
                    LocalDate from = plan.startDate().isAfter(yesterday) ? plan.startDate() : yesterday;
                    return dueRows.cancelFutureReminders(tx, plan.userId(), now)
                            .flatMap(x -> dueRows.plan(tx, rule.occurrences(plan, from,
                                    from.plusDays(DueNudgeScheduler.HORIZON_DAYS)), now));
                }));
    }

    /** A tombstone on {@code plans}: everything we hold about the person goes, including unsent messages. */
    public Uni<Void> erase(String userId) {
        return pool.withTransaction(tx -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String table : new String[] {"due_nudge", "nudge", "care_review", "pain_stop", "session_day",
                    "streak", "preferences", "person"}) {
                chain = chain.flatMap(x -> tx.preparedQuery("DELETE FROM " + table + " WHERE user_id = $1")
                        .execute(Tuple.of(userId)).replaceWithVoid());
            }
            return chain.flatMap(x -> tx.preparedQuery("DELETE FROM outbox WHERE message_key = $1")
                    .execute(Tuple.of(userId)).replaceWithVoid());
        });
    }
}
