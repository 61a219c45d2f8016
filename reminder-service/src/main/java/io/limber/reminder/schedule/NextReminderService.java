package io.limber.reminder.schedule;

import io.limber.platform.db.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The next reminder a person will get: what the app shows as "next". */
@ApplicationScoped
public class NextReminderService {

    private final Transactions transactions;
    private final DueNudgeRepository dueRows;
    private final Clock clock;

    public NextReminderService(Transactions transactions, DueNudgeRepository dueRows, Clock clock) {
        this.transactions = transactions;
        this.dueRows = dueRows;
        this.clock = clock;
    }

    /** Empty when nothing is planned (no plan, a paused or ended plan, or an erased person). */
    public Uni<Optional<UpcomingReminder>> next(String userId) {
        return transactions.withConnection(tx -> dueRows.nextReminder(tx, userId, Instant.now(clock)));
    }
}
