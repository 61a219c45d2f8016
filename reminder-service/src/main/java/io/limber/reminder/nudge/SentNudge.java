package io.limber.reminder.nudge;

import java.time.Instant;
import java.time.LocalDate;

/** A nudge as stored when it was sent: what the person's history shows. */
public record SentNudge(String id, String kind, String title, String body, String priority, String routineId,
                        LocalDate occurrenceDate, Instant expiresAt, Instant createdAt) {
}
