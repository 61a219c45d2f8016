package io.limber.reminder.schedule;

import java.time.Instant;
import java.time.LocalDate;

/** The next reminder a person will get, if nothing holds it back at fire time. */
public record UpcomingReminder(String id, String routineId, LocalDate occurrenceDate, Instant dueAt) {
}
