package io.limber.reminder.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test controls: the system time until pinned, then exactly what the test says. */
public final class MutableClock extends Clock {

    private volatile Instant pinned;

    public MutableClock() {
    }

    public MutableClock(Instant at) {
        this.pinned = at;
    }

    public MutableClock set(Instant at) {
        pinned = at;
        return this;
    }

    public MutableClock set(String isoInstant) {
        return set(Instant.parse(isoInstant));
    }

    public MutableClock advance(Duration by) {
        pinned = instant().plus(by);
        return this;
    }

    public void release() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at == null ? Instant.now() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC instants and each person's own zone");
    }
}
