package io.limber.reminder.rules;

/** Why a nudge was not sent; the metric label of {@code limber.nudges.suppressed}. */
public enum Suppression {
    QUIET_HOURS("quiet-hours"),
    CAP("cap"),
    SAFETY_PAUSE("safety-pause"),
    ALREADY_STARTED("already-started"),
    TAPERING("tapering"),
    MUTED("muted");

    private final String label;

    Suppression(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
