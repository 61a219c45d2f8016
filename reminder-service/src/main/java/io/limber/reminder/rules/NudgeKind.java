package io.limber.reminder.rules;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of nudge, as they appear on the wire; safety kinds are never capped, muted or held back. */
public enum NudgeKind {
    REMINDER("reminder"),
    FOLLOW_UP("follow-up"),
    SAFETY("safety"),
    EMERGENCY("emergency"),
    CHECK_IN("check-in"),
    LAPSE("lapse"),
    MILESTONE("milestone"),
    PROGRESSION("progression");

    private final String wire;

    NudgeKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Safety, emergency and check-in: sent at once, whatever the cap, quiet hours or preferences say. */
    public boolean isSafety() {
        return this == SAFETY || this == EMERGENCY || this == CHECK_IN;
    }

    public boolean isCapped() {
        return !isSafety();
    }

    public String priority() {
        return this == SAFETY || this == EMERGENCY ? "high" : "normal";
    }

    public static Optional<NudgeKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }
}
