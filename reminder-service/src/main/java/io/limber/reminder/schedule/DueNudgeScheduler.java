package io.limber.reminder.schedule;

import io.limber.platform.db.Transactions;
import io.limber.platform.db.Tx;
import io.limber.reminder.nudge.NudgeMetrics;
import io.limber.reminder.nudge.NudgeStore;
import io.limber.reminder.person.PersonRepository;
import io.limber.reminder.rules.DueReminder;
import io.limber.reminder.rules.DueReminderRule;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.NudgePolicy;
import io.limber.reminder.rules.PersonState;
import io.limber.reminder.rules.Verdict;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fires due rows. Each tick takes the rows that are due and that no other replica holds ({@code FOR UPDATE SKIP
 * LOCKED}) and decides each one now, at fire time: session already started, safety pause, tapering, quiet hours,
 * cap. A sent row becomes a nudge and its outbox entry in the same transaction.
 */
@ApplicationScoped
public class DueNudgeScheduler {

    static final int BATCH = 500;
    /** Reminders are planned this far ahead; each fired reminder tops the horizon up. */
    public static final int HORIZON_DAYS = 14;
    static final Duration PLAN_TIME_GRACE = Duration.ofMinutes(15);

    private final Transactions transactions;
    private final DueNudgeRepository dueRows;
    private final SessionDayRepository sessionDays;
    private final PersonRepository persons;
    private final NudgeStore store;
    private final NudgeMetrics metrics;
    private final Clock clock;
    private final Vertx vertx;
    private final long intervalMillis;
    private final DueReminderRule dueReminder = new DueReminderRule();
    private final NudgePolicy policy = new NudgePolicy();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    public DueNudgeScheduler(Transactions transactions, DueNudgeRepository dueRows, SessionDayRepository sessionDays,
                             PersonRepository persons, NudgeStore store, NudgeMetrics metrics,
                             Clock clock, Vertx vertx,
                             @ConfigProperty(name = "limber.scheduler.interval", defaultValue = "PT1S")
                             Duration interval) {
        this.transactions = transactions;
        this.dueRows = dueRows;
        this.sessionDays = sessionDays;
        this.persons = persons;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.vertx = vertx;
        this.intervalMillis = interval.toMillis();
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(intervalMillis, id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        fireDue().subscribe().with(fired -> {
            running.set(false);
            if (fired == BATCH) {
                vertx.runOnContext(this::tick); // more are due: take the next batch now, not at the next tick
            }
        }, failure -> {
            running.set(false);
            Log.warnf("scheduler tick failed, retrying next tick: %s", failure.getClass().getSimpleName());
        });
    }

    /**
     * Fires one batch of due rows in one transaction; returns how many it took. What the decisions need is read with
     * one query per kind of fact for the whole batch, the rows are decided in order in memory (a person's second row
     * sees the nudge just sent to them), and the outcome is written with one statement per table.
     */
    public Uni<Integer> fireDue() {
        Instant now = Instant.now(clock);
        return transactions.inTransaction(tx -> dueRows.takeDue(tx, now, BATCH).flatMap(rows -> rows.isEmpty()
                ? Uni.createFrom().item(0)
                : fireAll(tx, rows, now).replaceWith(rows.size())));
    }

    /** A taken row: the nudge it will become and when the person planned it. */
    private record Taken(NudgeDraft draft, Instant plannedAt) {
        boolean routineReminder() {
            return draft.kind() == NudgeKind.REMINDER || draft.kind() == NudgeKind.FOLLOW_UP;
        }

        String occurrence() {
            return DueNudgeRepository.occurrenceKey(draft.userId(), draft.routineId(), draft.occurrenceDate());
        }
    }

    private Uni<Void> fireAll(Tx tx, List<DueNudge> rows, Instant now) {
        List<Taken> taken = rows.stream().map(row -> new Taken(row.draft(), row.plannedAt())).toList();
        List<NudgeDraft> routine = taken.stream().filter(Taken::routineReminder).map(Taken::draft).toList();
        List<NudgeDraft> reminders = routine.stream().filter(d -> d.kind() == NudgeKind.REMINDER).toList();
        Set<String> people = new LinkedHashSet<>();
        taken.forEach(t -> people.add(t.draft().userId()));
        // three independent reads, pipelined on the transaction's connection
        return Uni.combine().all().unis(sessionDays.sessionsStarted(tx, routine),
                        dueRows.previousRemindersDue(tx, reminders), persons.known(tx, people, now)).asTuple()
                .flatMap(facts -> write(tx, decide(taken, facts.getItem1(), facts.getItem2(), facts.getItem3(), now),
                        now));
    }

    /** What a batch's decisions write. */
    private record Outcome(List<NudgeDraft> sends, List<String> finishedIds, List<String> statuses,
                           List<String> reasons, List<String> postponedIds, List<Instant> postponedTo,
                           List<DueReminder> topUps) {
        Outcome() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>());
        }

        void finish(String id, String status, String reason) {
            finishedIds.add(id);
            statuses.add(status);
            reasons.add(reason);
        }
    }

    private Outcome decide(List<Taken> taken, Set<String> started, Map<String, Instant> previous,
                           Map<String, PersonRepository.Known> known, Instant now) {
        Map<String, PersonState> states = new HashMap<>();
        known.forEach((userId, k) -> states.put(userId, k.state()));
        Outcome outcome = new Outcome();
        for (Taken row : taken) {
            NudgeDraft draft = row.draft();
            PersonState state = states.get(draft.userId());
            Verdict verdict;
            if (row.routineReminder()) {
                DueReminder due = new DueReminder(draft.id(), draft.userId(), draft.kind(), draft.routineId(),
                        draft.occurrenceDate(), row.plannedAt(), draft.expiresAt());
                Verdict first = dueReminder.evaluate(due, started.contains(row.occurrence()), now);
                verdict = first instanceof Verdict.Send send
                        ? policy.decide(send.nudge(), state, draft.kind() == NudgeKind.REMINDER
                                && atPlanTime(row.plannedAt(), draft.sendAt(), now),
                                draft.kind() == NudgeKind.REMINDER ? previous.get(row.occurrence()) : null, now)
                        : first;
            } else {
                verdict = policy.decide(draft, state, false, null, now);
            }
            if (verdict instanceof Verdict.Send send) {
                outcome.sends().add(send.nudge());
                metrics.schedulerLag(Duration.between(row.plannedAt(), now));
                outcome.finish(draft.id(), "sent", null);
                states.put(draft.userId(), sent(state, send.nudge(), now));
            } else if (verdict instanceof Verdict.Defer defer) {
                outcome.postponedIds().add(draft.id());
                outcome.postponedTo().add(defer.until());
                continue;
            } else {
                Verdict.Suppress suppress = (Verdict.Suppress) verdict;
                metrics.countSuppressed(draft.kind(), suppress.reason());
                Log.debugf("nudge %s suppressed: %s", draft.id(), suppress.reason().label());
                outcome.finish(draft.id(), "suppressed", suppress.reason().label());
            }
            if (draft.kind() == NudgeKind.REMINDER) {
                topUp(outcome, known.get(draft.userId()), draft);
            }
        }
        return outcome;
    }

    /** The person as the next row of the batch must see them: this nudge sent now. */
    private static PersonState sent(PersonState state, NudgeDraft nudge, Instant now) {
        List<Instant> capped = new ArrayList<>(state.cappedSentAt());
        if (nudge.kind().isCapped()) {
            capped.add(now);
        }
        return new PersonState(state.userId(), state.zone(), state.quietHours(), state.muted(), state.pauseUntil(),
                state.lastActiveAt(), nudge.kind() == NudgeKind.REMINDER ? now : state.lastReminderAt(), capped);
    }

    private Uni<Void> write(Tx tx, Outcome outcome, Instant now) {
        // independent statements on different rows, pipelined; one transaction, so all or nothing
        return Uni.combine().all().unis(store.recordAll(tx, outcome.sends(), now),
                        dueRows.finishAll(tx, outcome.finishedIds(), outcome.statuses(), outcome.reasons()),
                        dueRows.postponeAll(tx, outcome.postponedIds(), outcome.postponedTo()),
                        dueRows.plan(tx, outcome.topUps(), now))
                .discardItems();
    }

    /** Fired at the time the person chose (not postponed, not caught up hours late after an outage). */
    private static boolean atPlanTime(Instant plannedAt, Instant dueAt, Instant now) {
        return plannedAt.equals(dueAt) && Duration.between(plannedAt, now).compareTo(PLAN_TIME_GRACE) <= 0;
    }

    /** Keeps reminders planned {@value #HORIZON_DAYS} days ahead as time goes by. */
    private void topUp(Outcome outcome, PersonRepository.Known person, NudgeDraft fired) {
        person.plan().ifPresent(plan -> outcome.topUps().addAll(dueReminder.occurrences(plan,
                fired.occurrenceDate().plusDays(1), fired.occurrenceDate().plusDays(HORIZON_DAYS))));
    }
}
