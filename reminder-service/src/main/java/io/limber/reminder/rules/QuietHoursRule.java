package io.limber.reminder.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Quiet hours hold back every non-safety nudge until they end, or drop it if it is stale by then. A reminder at the
 * plan's own time is always allowed: the person chose that time.
 */
public final class QuietHoursRule {

    public Verdict evaluate(NudgeDraft nudge, QuietHours quietHours, ZoneId zone, boolean atPlanTime, Instant now) {
        if (nudge.kind().isSafety() || (atPlanTime && nudge.kind() == NudgeKind.REMINDER)) {
            return new Verdict.Send(nudge);
        }
        ZonedDateTime local = now.atZone(zone);
        if (!quietHours.contains(local.toLocalTime())) {
            return new Verdict.Send(nudge);
        }
        Instant end = quietHours.nextEndAfter(local, zone).toInstant();
        return nudge.staleAt(end) ? new Verdict.Suppress(Suppression.QUIET_HOURS) : new Verdict.Defer(end);
    }
}
