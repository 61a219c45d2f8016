package io.limber.reminder.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * Fewer reminders as a person goes quiet, by days since their last session event: under 2, every reminder and
 * follow-up; 2–9, a reminder every second planned occurrence and no follow-ups; 10–29, at most one reminder a
 * week; 30 and more, one a fortnight.
 */
public final class TaperingRule {

    /**
     * @param lastActiveAt          the last session event, or when the plan began if there was none
     * @param lastReminderAt        when the last reminder was sent, or null
     * @param previousOccurrenceDue when the previous planned reminder was due, or null
     */
    public boolean allows(NudgeKind kind, Instant lastActiveAt, Instant lastReminderAt, Instant previousOccurrenceDue,
                          Instant now) {
        if (kind != NudgeKind.REMINDER && kind != NudgeKind.FOLLOW_UP) {
            return true;
        }
        long quietDays = lastActiveAt == null ? 0 : Duration.between(lastActiveAt, now).toDays();
        if (quietDays < 2) {
            return true;
        }
        if (kind == NudgeKind.FOLLOW_UP) {
            return false;
        }
        if (quietDays < 10) {
            // every second occurrence: send unless the previous occurrence was reminded
            return lastReminderAt == null || previousOccurrenceDue == null
                    || lastReminderAt.isBefore(previousOccurrenceDue);
        }
        Duration gap = quietDays < 30 ? Duration.ofDays(7) : Duration.ofDays(14);
        // a little slack, so a weekly plan's reminder a few minutes "early" on the clock still counts as a week
        return lastReminderAt == null || !now.isBefore(lastReminderAt.plus(gap).minus(Duration.ofHours(1)));
    }
}
