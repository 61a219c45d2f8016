package io.limber.reminder.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What the gate needs to know about a person when a nudge is about to go out.
 *
 * @param pauseUntil     end of the current safety pause, or null
 * @param lastActiveAt   last session event of any kind, or when the plan began
 * @param lastReminderAt when the last reminder went out, or null
 * @param cappedSentAt   when recent capped nudges went out (at least today's)
 */
public record PersonState(String userId, ZoneId zone, QuietHours quietHours, Set<NudgeKind> muted, Instant pauseUntil,
                          Instant lastActiveAt, Instant lastReminderAt, List<Instant> cappedSentAt) {

    public PersonState {
        quietHours = quietHours == null ? QuietHours.DEFAULT : quietHours;
        muted = Set.copyOf(muted);
        cappedSentAt = List.copyOf(cappedSentAt);
    }
}
