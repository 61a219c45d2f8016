package io.limber.reminder.erasure;

import io.limber.reminder.adherence.StreakRepository;
import io.limber.platform.db.Transactions;
import io.limber.reminder.nudge.NudgeStore;
import io.limber.reminder.person.PersonRepository;
import io.limber.reminder.person.PreferencesRepository;
import io.limber.reminder.safety.PainStopRepository;
import io.limber.reminder.schedule.DueNudgeRepository;
import io.limber.reminder.schedule.SessionDayRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A tombstone on {@code plans}: everything we hold about the person goes, in one transaction, including unsent
 * messages and planned reminders. Each repository erases its own table.
 */
@ApplicationScoped
public class ErasureService {

    private final Transactions transactions;
    private final DueNudgeRepository dueRows;
    private final NudgeStore nudges;
    private final PainStopRepository painStops;
    private final SessionDayRepository sessionDays;
    private final StreakRepository streaks;
    private final PreferencesRepository preferences;
    private final PersonRepository persons;

    public ErasureService(Transactions transactions, DueNudgeRepository dueRows, NudgeStore nudges,
                          PainStopRepository painStops, SessionDayRepository sessionDays, StreakRepository streaks,
                          PreferencesRepository preferences, PersonRepository persons) {
        this.transactions = transactions;
        this.dueRows = dueRows;
        this.nudges = nudges;
        this.painStops = painStops;
        this.sessionDays = sessionDays;
        this.streaks = streaks;
        this.preferences = preferences;
        this.persons = persons;
    }

    public Uni<Void> erase(String userId) {
        return transactions.inTransaction(tx -> dueRows.erase(tx, userId)
                .flatMap(x -> nudges.erase(tx, userId))
                .flatMap(x -> painStops.erase(tx, userId))
                .flatMap(x -> sessionDays.erase(tx, userId))
                .flatMap(x -> streaks.erase(tx, userId))
                .flatMap(x -> preferences.erase(tx, userId))
                .flatMap(x -> persons.erase(tx, userId)));
    }
}
