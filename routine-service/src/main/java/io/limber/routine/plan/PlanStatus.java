package io.limber.routine.plan;

import java.util.Locale;

/** Where a plan stands: active (reminders due), paused (e.g. after pain), ended. */
public enum PlanStatus {
    ACTIVE, PAUSED, ENDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlanStatus fromWire(String status) {
        return valueOf(status.toUpperCase(Locale.ROOT));
    }
}
