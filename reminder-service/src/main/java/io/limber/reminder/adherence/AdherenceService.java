package io.limber.reminder.adherence;

import io.limber.platform.db.Transactions;
import io.limber.platform.db.Tx;
import io.limber.reminder.nudge.NudgeMetrics;
import io.limber.reminder.nudge.NudgeStore;
import io.limber.reminder.person.PersonRepository;
import io.limber.reminder.rules.Adherence;
import io.limber.reminder.rules.LapseRule;
import io.limber.reminder.rules.MilestoneRule;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.NudgePolicy;
import io.limber.reminder.rules.ProgressionRule;
import io.limber.reminder.rules.Verdict;
import io.limber.reminder.schedule.DueNudgeRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns adherence snapshots into lapse, milestone and progression nudges, each through the gate. A snapshot no
 * newer than the last one seen (redelivery, compaction replay) changes nothing.
 */
@ApplicationScoped
public class AdherenceService {

    private final Transactions transactions;
    private final PersonRepository persons;
    private final StreakRepository streaks;
    private final DueNudgeRepository dueRows;
    private final NudgeStore store;
    private final NudgeMetrics metrics;
    private final Clock clock;
    private final LapseRule lapse = new LapseRule();
    private final MilestoneRule milestone = new MilestoneRule();
    private final ProgressionRule progression = new ProgressionRule();
    private final NudgePolicy policy = new NudgePolicy();

    public AdherenceService(Transactions transactions, PersonRepository persons, StreakRepository streaks,
                            DueNudgeRepository dueRows, NudgeStore store, NudgeMetrics metrics,
                            Clock clock) {
        this.transactions = transactions;
        this.persons = persons;
        this.streaks = streaks;
        this.dueRows = dueRows;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A {@code limber.adherence.updated} snapshot taken at {@code time}. */
    public Uni<Void> onAdherence(Adherence adherence, Instant time) {
        Instant now = Instant.now(clock);
        String userId = adherence.userId();
        return transactions.inTransaction(tx -> persons.ensure(tx, userId)
                .flatMap(x -> persons.lockAdherence(tx, userId))
                .flatMap(seen -> {
                    if (seen.time() != null && !time.isAfter(seen.time())) {
                        return Uni.createFrom().voidItem();
                    }
                    return streaks.streaks(tx, userId).flatMap(current -> persons.plan(tx, userId).flatMap(plan -> {
                        List<NudgeDraft> drafts = new ArrayList<>();
                        lapse.evaluate(seen.adherence7(), adherence, seen.lastLapseAt(), now).ifPresent(drafts::add);
                        drafts.addAll(milestone.evaluate(current, adherence, now));
                        plan.flatMap(p -> progression.evaluate(adherence, p, now)).ifPresent(drafts::add);
                        return Multi.createFrom().iterable(drafts)
                                .onItem().transformToUniAndConcatenate(draft -> gateAndApply(tx, draft, now))
                                .collect().asList()
                                .flatMap(x -> save(tx, adherence, time, drafts, now));
                    }));
                }));
    }

    private Uni<Void> gateAndApply(Tx tx, NudgeDraft draft, Instant now) {
        // the state is read again for each nudge, so the cap sees the ones just stored
        return persons.state(tx, draft.userId(), now).flatMap(state -> {
            Verdict verdict = policy.decide(draft, state, false, null, now);
            if (verdict instanceof Verdict.Send send) {
                return store.record(tx, send.nudge(), now).replaceWithVoid();
            }
            if (verdict instanceof Verdict.Defer defer) {
                return dueRows.insert(tx, draft, defer.until());
            }
            metrics.countSuppressed(draft.kind(), ((Verdict.Suppress) verdict).reason());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> save(Tx tx, Adherence adherence, Instant time, List<NudgeDraft> drafts, Instant now) {
        boolean lapsed = drafts.stream().anyMatch(d -> d.kind() == NudgeKind.LAPSE);
        return persons.saveAdherence(tx, adherence.userId(), adherence.sessionAdherence7(), time, lapsed, now)
                .flatMap(x -> streaks.saveAll(tx, adherence.userId(), adherence.routines()));
    }
}
