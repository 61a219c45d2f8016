package io.limber.reminder.nudge;

import io.limber.platform.db.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The nudges a person was sent, for the person and their clinicians. */
@ApplicationScoped
public class NudgeHistoryService {

    private final Transactions transactions;
    private final NudgeStore nudges;

    public NudgeHistoryService(Transactions transactions, NudgeStore nudges) {
        this.transactions = transactions;
        this.nudges = nudges;
    }

    /** Oldest first. */
    public Uni<List<SentNudge>> history(String userId) {
        return transactions.withConnection(tx -> nudges.history(tx, userId));
    }
}
