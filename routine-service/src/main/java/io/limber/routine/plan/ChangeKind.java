package io.limber.routine.plan;

import java.util.Locale;

/** Why a plan got a new version; the {@code change} of the published plan and a metric label. */
public enum ChangeKind {
    CREATED, REPLACED, PAUSED, RESUMED, ENDED, REVIEW_REQUESTED, REVIEW_CLOSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
