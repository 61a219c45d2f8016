package io.limber.reminder.schedule;

import io.limber.reminder.db.Sql;
import io.limber.reminder.nudge.NudgeMetrics;
import io.limber.reminder.nudge.NudgeStore;
import io.limber.reminder.outbox.OutboxRelay;
import io.limber.reminder.person.PersonRepository;
import io.limber.reminder.rules.DueReminder;
import io.limber.reminder.rules.DueReminderRule;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.NudgePolicy;
import io.limber.reminder.rules.Verdict;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fires due rows. Each tick takes the rows that are due and that no other replica holds ({@code FOR UPDATE SKIP
 * LOCKED}) and decides each one now, at fire time: session already started, safety pause, tapering, quiet hours,
 * cap. A sent row becomes a nudge and its outbox entry in the same transaction.
 */
@ApplicationScoped
public class DueNudgeScheduler {

    static final int BATCH = 50;
    /** Reminders are planned this far ahead; each fired reminder tops the horizon up. */
    public static final int HORIZON_DAYS = 14;
    static final Duration PLAN_TIME_GRACE = Duration.ofMinutes(15);

    private final Pool pool;
    private final DueNudgeRepository dueRows;
    private final PersonRepository persons;
    private final NudgeStore store;
    private final OutboxRelay relay;
    private final NudgeMetrics metrics;
    private final Clock clock;
    private final Vertx vertx;
    private final long intervalMillis;
    private final DueReminderRule dueReminder = new DueReminderRule();
    private final NudgePolicy policy = new NudgePolicy();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    public DueNudgeScheduler(Pool pool, DueNudgeRepository dueRows, PersonRepository persons, NudgeStore store,
                             OutboxRelay relay, NudgeMetrics metrics, Clock clock, Vertx vertx,
                             @ConfigProperty(name = "limber.scheduler.interval", defaultValue = "PT1S")
                             Duration interval) {
        this.pool = pool;
        this.dueRows = dueRows;
        this.persons = persons;
        this.store = store;
        this.relay = relay;
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
            if (fired > 0) {
                relay.poke();
            }
        }, failure -> {
            running.set(false);
            Log.warnf("scheduler tick failed, retrying next tick: %s", failure.getClass().getSimpleName());
        });
    }

    /** Fires one batch of due rows in one transaction; returns how many it took. */
    public Uni<Integer> fireDue() {
        Instant now = Instant.now(clock);
        return pool.withTransaction(tx -> dueRows.takeDue(tx, now, BATCH).flatMap(rows -> Multi.createFrom()
                .iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> fire(tx, row, now))
                .collect().asList()
                .map(done -> rows.size())));
    }

    private Uni<Void> fire(SqlConnection tx, Row row, Instant now) {
        NudgeDraft draft = DueNudgeRepository.draft(row);
        Instant plannedAt = Sql.instant(row, "planned_at");
        boolean routineReminder = draft.kind() == NudgeKind.REMINDER || draft.kind() == NudgeKind.FOLLOW_UP;
        Uni<Verdict> verdict;
        if (routineReminder) {
            DueReminder due = new DueReminder(draft.id(), draft.userId(), draft.kind(), draft.routineId(),
                    draft.occurrenceDate(), plannedAt, draft.expiresAt());
            verdict = dueRows.sessionStarted(tx, draft.userId(), draft.routineId(), draft.occurrenceDate())
                    .map(started -> dueReminder.evaluate(due, started, now))
                    .flatMap(first -> first instanceof Verdict.Send send
                            ? gate(tx, send.nudge(), atPlanTime(plannedAt, draft.sendAt(), now), now)
                            : Uni.createFrom().item(first));
        } else {
            verdict = gate(tx, draft, false, now);
        }
        return verdict.flatMap(v -> apply(tx, draft, plannedAt, v, now));
    }

    /** Fired at the time the person chose (not postponed, not caught up hours late after an outage). */
    private static boolean atPlanTime(Instant plannedAt, Instant dueAt, Instant now) {
        return plannedAt.equals(dueAt) && Duration.between(plannedAt, now).compareTo(PLAN_TIME_GRACE) <= 0;
    }

    private Uni<Verdict> gate(SqlConnection tx, NudgeDraft draft, boolean atPlanTime, Instant now) {
        Uni<Instant> previous = draft.kind() == NudgeKind.REMINDER
                ? dueRows.previousReminderDue(tx, draft.userId(), draft.routineId(), draft.occurrenceDate())
                : Uni.createFrom().nullItem();
        return previous.flatMap(prev -> persons.state(tx, draft.userId(), now)
                .map(state -> policy.decide(draft, state, atPlanTime && draft.kind() == NudgeKind.REMINDER, prev,
                        now)));
    }

    private Uni<Void> apply(SqlConnection tx, NudgeDraft draft, Instant plannedAt, Verdict verdict, Instant now) {
        if (verdict instanceof Verdict.Send send) {
            return store.record(tx, send.nudge(), now)
                    .invoke(stored -> metrics.schedulerLag(Duration.between(plannedAt, now)))
                    .flatMap(stored -> dueRows.finish(tx, draft.id(), "sent", null))
                    .flatMap(done -> draft.kind() == NudgeKind.REMINDER ? topUp(tx, draft, now)
                            : Uni.createFrom().voidItem());
        }
        if (verdict instanceof Verdict.Defer defer) {
            return dueRows.postpone(tx, draft.id(), defer.until());
        }
        Verdict.Suppress suppress = (Verdict.Suppress) verdict;
        metrics.countSuppressed(draft.kind(), suppress.reason());
        Log.debugf("nudge %s suppressed: %s", draft.id(), suppress.reason().label());
        return dueRows.finish(tx, draft.id(), "suppressed", suppress.reason().label())
                .flatMap(done -> draft.kind() == NudgeKind.REMINDER ? topUp(tx, draft, now)
                        : Uni.createFrom().voidItem());
    }

    /** Keeps reminders planned {@value #HORIZON_DAYS} days ahead as time goes by. */
    private Uni<Void> topUp(SqlConnection tx, NudgeDraft fired, Instant now) {
        return persons.plan(tx, fired.userId()).flatMap(plan -> plan
                .map(p -> dueRows.plan(tx, dueReminder.occurrences(p, fired.occurrenceDate().plusDays(1),
                        fired.occurrenceDate().plusDays(HORIZON_DAYS)), now))
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }
}
