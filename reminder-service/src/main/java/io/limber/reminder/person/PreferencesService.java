package io.limber.reminder.person;

import io.limber.platform.db.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Reads and replaces a person's nudge preferences; each is one statement, committed on its own. */
@ApplicationScoped
public class PreferencesService {

    private final Transactions transactions;
    private final PreferencesRepository preferences;

    public PreferencesService(Transactions transactions, PreferencesRepository preferences) {
        this.transactions = transactions;
        this.preferences = preferences;
    }

    /** Empty when the person stored none. */
    public Uni<Optional<NudgePreferences>> get(String userId) {
        return transactions.withConnection(tx -> preferences.find(tx, userId));
    }

    public Uni<Void> put(String userId, NudgePreferences chosen) {
        return transactions.withConnection(tx -> preferences.save(tx, userId, chosen));
    }
}
