package io.limber.routine.plan;

import java.time.LocalTime;

/** Local hours in which reminders other than safety ones are held back. */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
}
