package io.limber.reminder.safety;

import io.limber.platform.db.Transactions;
import io.limber.platform.db.Tx;
import io.limber.reminder.mapping.SessionActivity;
import io.limber.reminder.nudge.NudgeStore;
import io.limber.reminder.person.PersonRepository;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.PainReport;
import io.limber.reminder.rules.PainSafetyRule;
import io.limber.reminder.rules.PainStop;
import io.limber.reminder.schedule.DueNudgeRepository;
import io.limber.reminder.schedule.SessionDayRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Answers a pain event, in one transaction: marks the person active (and the session's day started), applies
 * {@link PainSafetyRule}, and stores what it decides: the safety or emergency nudge and any care review go to the
 * outbox at once, the check-in becomes a due row, and the pause is stored for the scheduler's gate. The relay is
 * woken on commit, so the message goes out now rather than at its next tick.
 *
 * <p>Both the safety lane and the {@code session-events} channel call it for the same event; every write is
 * idempotent (deterministic ids, ON CONFLICT, GREATEST), and the person's row is locked first, so the second call
 * inserts nothing and neither deadlocks.
 */
@ApplicationScoped
public class SafetyService {

    private final PainSafetyRule rule = new PainSafetyRule();
    private final Transactions transactions;
    private final PersonRepository persons;
    private final SessionDayRepository sessionDays;
    private final PainStopRepository painStops;
    private final DueNudgeRepository dueRows;
    private final NudgeStore nudges;
    private final Clock clock;

    public SafetyService(Transactions transactions, PersonRepository persons, SessionDayRepository sessionDays,
                         PainStopRepository painStops, DueNudgeRepository dueRows, NudgeStore nudges, Clock clock) {
        this.transactions = transactions;
        this.persons = persons;
        this.sessionDays = sessionDays;
        this.painStops = painStops;
        this.dueRows = dueRows;
        this.nudges = nudges;
        this.clock = clock;
    }

    /** A {@code limber.session.pain-stopped}. */
    public Uni<Void> onPainStop(SessionActivity activity, PainStop stop) {
        Instant now = Instant.now(clock);
        return transactions.inTransaction(tx -> active(tx, activity)
                        .flatMap(x -> painStops.insert(tx, stop))
                        .flatMap(x -> painStops.earlierStops(tx, stop))
                        .flatMap(earlier -> persons.state(tx, stop.userId(), now)
                                .map(state -> rule.onPainStop(stop, earlier, state.zone(), state.quietHours(), now)))
                        .flatMap(outcome -> Multi.createFrom().iterable(outcome.nudges())
                                .onItem().transformToUniAndConcatenate(nudge -> sendOrSchedule(tx, nudge, now))
                                .collect().last()
                                .flatMap(x -> outcome.careReview()
                                        .map(review -> nudges.requestReview(tx, review, now).replaceWithVoid())
                                        .orElseGet(() -> Uni.createFrom().voidItem()))
                                .flatMap(x -> persons.pause(tx, stop.userId(), outcome.pauseUntil()))))
                .invoke(this::committed);
    }

    /** A {@code limber.pain.reported}: a later pain score, e.g. the next-morning check-in's answer. */
    public Uni<Void> onPainReported(SessionActivity activity, PainReport report) {
        Instant now = Instant.now(clock);
        return transactions.inTransaction(tx -> active(tx, activity)
                        .flatMap(x -> rule.onPainReported(report, now)
                                .map(review -> nudges.requestReview(tx, review, now).replaceWithVoid())
                                .orElseGet(() -> Uni.createFrom().voidItem()))
                        .flatMap(x -> persons.pause(tx, report.userId(), rule.pauseAfter(report))))
                .invoke(this::committed);
    }

    /** What every session event says (as {@code SessionService} stores it); the upsert locks the person's row first. */
    private Uni<Void> active(Tx tx, SessionActivity activity) {
        Uni<Void> marked = persons.markActive(tx, activity.userId(), activity.time());
        return activity.routineId() == null ? marked : marked.flatMap(x -> sessionDays.markStarted(tx,
                activity.userId(), activity.routineId(), activity.startedAt()));
    }

    private Uni<Void> sendOrSchedule(Tx tx, NudgeDraft nudge, Instant now) {
        return nudge.sendAt().isAfter(now)
                ? dueRows.insert(tx, nudge, nudge.sendAt())
                : nudges.record(tx, nudge, now).replaceWithVoid();
    }

    private void committed() {
        Log.debug("pain event answered");
    }
}
