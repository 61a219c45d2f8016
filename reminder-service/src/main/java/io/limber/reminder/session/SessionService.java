package io.limber.reminder.session;

import io.limber.platform.db.Transactions;
import io.limber.reminder.mapping.SessionActivity;
import io.limber.reminder.person.PersonRepository;
import io.limber.reminder.schedule.SessionDayRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a started or completed session means for nudges, in one transaction: the person is active (tapering), and a
 * session of the routine began that local day (no reminder for it that day). Pain events go to
 * {@code safety/SafetyService}, which records the same and answers the pain.
 */
@ApplicationScoped
public class SessionService {

    private final Transactions transactions;
    private final PersonRepository persons;
    private final SessionDayRepository sessionDays;

    public SessionService(Transactions transactions, PersonRepository persons, SessionDayRepository sessionDays) {
        this.transactions = transactions;
        this.persons = persons;
        this.sessionDays = sessionDays;
    }

    public Uni<Void> onActivity(SessionActivity activity) {
        return transactions.inTransaction(tx -> {
            Uni<Void> marked = persons.markActive(tx, activity.userId(), activity.time());
            return activity.routineId() == null ? marked : marked.flatMap(x -> sessionDays.markStarted(tx,
                    activity.userId(), activity.routineId(), activity.startedAt()));
        });
    }
}
