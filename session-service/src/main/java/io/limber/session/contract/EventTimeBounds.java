package io.limber.session.contract;

import java.time.Duration;
import java.time.Instant;

/**
 * design.md's "Event time": a client event dated more than 24 h after the receiver's clock (clock-skew allowance) or
 * more than one year (365 days) before it is refused (400 naming {@code time} at the ingress, a dead letter on
 * Kafka; nothing stored). Pinned against reminder-service's copy by {@code EventTimeBoundsTest} on the shared cases
 * in {@code deploy/contract/rules/event-time.json}.
 */
public final class EventTimeBounds {

    public static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofHours(24);
    public static final Duration OLDEST = Duration.ofDays(365);

    private EventTimeBounds() {
    }

    public static boolean accepts(Instant time, Instant now) {
        return refusal(time, now) == null;
    }

    /** Why the time is refused ({@code $.time: ...}), or null when it is accepted. */
    public static Violation refusal(Instant time, Instant now) {
        if (time.isAfter(now.plus(CLOCK_SKEW_ALLOWANCE))) {
            return new Violation("$.time", "more than 24 h after the receiver's clock");
        }
        if (time.isBefore(now.minus(OLDEST))) {
            return new Violation("$.time", "more than one year (365 days) before the receiver's clock");
        }
        return null;
    }
}
