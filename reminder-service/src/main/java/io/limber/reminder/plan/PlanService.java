package io.limber.reminder.plan;

import io.limber.platform.db.Transactions;
import io.limber.reminder.person.PersonRepository;
import io.limber.reminder.rules.DueReminderRule;
import io.limber.reminder.rules.Plan;
import io.limber.reminder.schedule.DueNudgeRepository;
import io.limber.reminder.schedule.DueNudgeScheduler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Keeps each person's plan and plans their reminders from it, in one transaction: a new version re-plans the future
 * rows (a paused or ended plan has none), an older or repeated version changes nothing.
 */
@ApplicationScoped
public class PlanService {

    private final Transactions transactions;
    private final PersonRepository persons;
    private final DueNudgeRepository dueRows;
    private final Clock clock;
    private final DueReminderRule rule = new DueReminderRule();

    public PlanService(Transactions transactions, PersonRepository persons, DueNudgeRepository dueRows, Clock clock) {
        this.transactions = transactions;
        this.persons = persons;
        this.dueRows = dueRows;
        this.clock = clock;
    }

    /** A {@code limber.plan.published}: the plan, its {@code data} as received (stored), and when it was published. */
    public Uni<Void> onPlan(Plan plan, String planJson, Instant publishedAt) {
        Instant now = Instant.now(clock);
        return transactions.inTransaction(tx -> persons.savePlan(tx, plan, planJson, publishedAt)
                .flatMap(newer -> {
                    if (!newer) {
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
}
