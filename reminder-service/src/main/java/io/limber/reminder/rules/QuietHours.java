package io.limber.reminder.rules;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A person's quiet hours in local time; they may run past midnight (22:00–07:00). */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    public boolean contains(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** The first end of quiet hours strictly after {@code after}, in the person's zone (DST-safe). */
    public ZonedDateTime nextEndAfter(ZonedDateTime after, ZoneId zone) {
        ZonedDateTime local = after.withZoneSameInstant(zone);
        ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), end, zone);
        while (!candidate.isAfter(local)) {
            candidate = ZonedDateTime.of(candidate.toLocalDate().plusDays(1), end, zone);
        }
        return candidate;
    }
}
