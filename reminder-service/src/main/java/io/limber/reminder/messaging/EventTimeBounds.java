package io.limber.reminder.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * design.md's "Event time": a client event dated more than 24 h after the receiver's clock (clock-skew allowance) or
 * more than one year (365 days) before it is refused. Pinned against session-service's copy by
 * {@code EventTimeBoundsTest} on the shared cases in {@code deploy/contract/rules/event-time.json}.
 */
public final class EventTimeBounds {

    public static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofHours(24);
    public static final Duration OLDEST = Duration.ofDays(365);

    private EventTimeBounds() {
    }

    public static boolean accepts(Instant time, Instant now) {
        return !time.isAfter(now.plus(CLOCK_SKEW_ALLOWANCE)) && !time.isBefore(now.minus(OLDEST));
    }

    /** Why the time is refused, or null when it is accepted. */
    public static String refusal(Instant time, Instant now) {
        if (time.isAfter(now.plus(CLOCK_SKEW_ALLOWANCE))) {
            return "$.time: more than 24 h after the receiver's clock";
        }
        if (time.isBefore(now.minus(OLDEST))) {
            return "$.time: more than one year (365 days) before the receiver's clock";
        }
        return null;
    }
}
