package io.limber.reminder.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** At most 2 capped nudges (all but safety, emergency and check-in) per person per local day; the first two win. */
public final class DailyCapRule {

    public static final int CAP = 2;

    /** @param cappedSentAt when the person's capped nudges were sent (any period; only today's count) */
    public boolean allows(NudgeKind kind, List<Instant> cappedSentAt, ZoneId zone, Instant now) {
        if (!kind.isCapped()) {
            return true;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        long sentToday = cappedSentAt.stream().filter(t -> t.atZone(zone).toLocalDate().equals(today)).count();
        return sentToday < CAP;
    }
}
