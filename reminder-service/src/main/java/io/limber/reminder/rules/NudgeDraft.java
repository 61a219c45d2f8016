package io.limber.reminder.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A nudge a rule wants to send. The id is deterministic (person, rule, occurrence), so the same decision made
 * twice, by a redelivered event or another replica, is the same nudge.
 */
public record NudgeDraft(String id, String userId, NudgeKind kind, String title, String body, String routineId,
                         LocalDate occurrenceDate, Instant sendAt, Instant expiresAt) {

    public NudgeDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sendAt, "sendAt");
    }

    public NudgeDraft at(Instant when) {
        return new NudgeDraft(id, userId, kind, title, body, routineId, occurrenceDate, when, expiresAt);
    }

    public boolean staleAt(Instant when) {
        return expiresAt != null && !when.isBefore(expiresAt);
    }
}
