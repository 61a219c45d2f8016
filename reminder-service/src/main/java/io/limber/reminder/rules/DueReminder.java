package io.limber.reminder.rules;

import java.time.Instant;
import java.time.LocalDate;

/** A planned reminder or follow-up for one occurrence (routine, local date), stored as a due row. */
public record DueReminder(String id, String userId, NudgeKind kind, String routineId, LocalDate date, Instant dueAt,
                          Instant expiresAt) {
}
