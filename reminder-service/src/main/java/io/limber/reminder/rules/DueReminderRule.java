package io.limber.reminder.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A reminder at the plan's local time on each planned date, and one follow-up 90 minutes later; neither once a
 * session of that routine has started that day. Times are built per local date in the plan's zone, so a time
 * that falls in a spring-forward gap moves forward once and a fall-back day still has one reminder.
 */
public final class DueReminderRule {

    public static final Duration FOLLOW_UP_AFTER = Duration.ofMinutes(90);

    /** Reminder and follow-up rows for every occurrence the plan schedules from {@code from} to {@code to}. */
    public List<DueReminder> occurrences(Plan plan, LocalDate from, LocalDate to) {
        List<DueReminder> due = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (!plan.schedules(date)) {
                continue;
            }
            Instant at = ZonedDateTime.of(date, plan.localTime(), plan.zone()).toInstant();
            Instant endOfDay = date.plusDays(1).atStartOfDay(plan.zone()).toInstant();
            for (Plan.Routine routine : plan.routines()) {
                due.add(new DueReminder(id(plan.userId(), NudgeKind.REMINDER, routine.routineId(), date),
                        plan.userId(), NudgeKind.REMINDER, routine.routineId(), date, at, endOfDay));
                due.add(new DueReminder(id(plan.userId(), NudgeKind.FOLLOW_UP, routine.routineId(), date),
                        plan.userId(), NudgeKind.FOLLOW_UP, routine.routineId(), date, at.plus(FOLLOW_UP_AFTER),
                        endOfDay));
            }
        }
        return due;
    }

    /** At fire time: a session of the routine already started that day means no nudge. */
    public Verdict evaluate(DueReminder due, boolean sessionStartedThatDay, Instant now) {
        if (sessionStartedThatDay) {
            return new Verdict.Suppress(Suppression.ALREADY_STARTED);
        }
        NudgeTexts.Text text = due.kind() == NudgeKind.FOLLOW_UP
                ? NudgeTexts.followUp(due.routineId())
                : NudgeTexts.reminder(due.routineId());
        return new Verdict.Send(new NudgeDraft(due.id(), due.userId(), due.kind(), text.title(), text.body(),
                due.routineId(), due.date(), now, due.expiresAt()));
    }

    static String id(String userId, NudgeKind kind, String routineId, LocalDate date) {
        return userId + ":" + kind.wire() + ":" + routineId + ":" + date;
    }
}
