package io.limber.reminder.safety;

import io.limber.reminder.db.Sql;
import io.limber.reminder.nudge.NudgeStore;
import io.limber.reminder.person.PersonRepository;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.PainReport;
import io.limber.reminder.rules.PainSafetyRule;
import io.limber.reminder.rules.PainStop;
import io.limber.reminder.schedule.DueNudgeRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link PainSafetyRule} on the caller's transaction: the safety or emergency nudge and any care review go
 * to the outbox at once, the check-in becomes a due row, and the pause is stored for the scheduler's gate.
 */
@ApplicationScoped
public class SafetyService {

    private final PainSafetyRule rule = new PainSafetyRule();
    private final PersonRepository persons;
    private final DueNudgeRepository dueRows;
    private final NudgeStore store;

    public SafetyService(PersonRepository persons, DueNudgeRepository dueRows, NudgeStore store) {
        this.persons = persons;
        this.dueRows = dueRows;
        this.store = store;
    }

    public Uni<Void> onPainStop(SqlConnection tx, PainStop stop, Instant now) {
        return tx.preparedQuery("""
                        INSERT INTO pain_stop (event_id, user_id, routine_id, pain, sharp, red_flag, stopped_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.from(new Object[] {stop.eventId(), stop.userId(), stop.routineId(), stop.pain(),
                        stop.sharp(), stop.redFlag(), Sql.ts(stop.time())}))
                .flatMap(x -> earlierStops(tx, stop))
                .flatMap(earlier -> persons.state(tx, stop.userId(), now)
                        .map(state -> rule.onPainStop(stop, earlier, state.zone(), state.quietHours(), now)))
                .flatMap(outcome -> Multi.createFrom().iterable(outcome.nudges())
                        .onItem().transformToUniAndConcatenate(nudge -> sendOrSchedule(tx, nudge, now))
                        .collect().last()
                        .flatMap(x -> outcome.careReview()
                                .map(review -> store.requestReview(tx, review, now).replaceWithVoid())
                                .orElseGet(() -> Uni.createFrom().voidItem()))
                        .flatMap(x -> pause(tx, stop.userId(), outcome.pauseUntil())));
    }

    public Uni<Void> onPainReported(SqlConnection tx, PainReport report, Instant now) {
        return rule.onPainReported(report, now)
                .map(review -> store.requestReview(tx, review, now).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem())
                .flatMap(x -> pause(tx, report.userId(), rule.pauseAfter(report)));
    }

    /** Starts or extends the person's safety pause; an earlier trigger never shortens a later one. */
    private static Uni<Void> pause(SqlConnection tx, String userId, java.util.Optional<Instant> until) {
        return until.map(end -> tx.preparedQuery("""
                                UPDATE person SET pause_until = GREATEST(COALESCE(pause_until, $2), $2)
                                WHERE user_id = $1""")
                        .execute(Tuple.of(userId, Sql.ts(end))).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> sendOrSchedule(SqlConnection tx, NudgeDraft nudge, Instant now) {
        return nudge.sendAt().isAfter(now)
                ? dueRows.insert(tx, nudge, nudge.sendAt())
                : store.record(tx, nudge, now).replaceWithVoid();
    }

    private Uni<List<PainStop>> earlierStops(SqlConnection tx, PainStop stop) {
        return tx.preparedQuery("""
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
}
