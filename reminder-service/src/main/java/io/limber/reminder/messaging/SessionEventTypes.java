package io.limber.reminder.messaging;

import java.util.Set;

/** The {@code session-events} types this service acts on; both the channel and the safety lane read them. */
public final class SessionEventTypes {

    public static final String STARTED = "limber.session.started";
    public static final String COMPLETED = "limber.session.completed";
    public static final String PAIN_STOPPED = "limber.session.pain-stopped";
    public static final String PAIN_REPORTED = "limber.pain.reported";

    public static final Set<String> ALL = Set.of(STARTED, COMPLETED, PAIN_STOPPED, PAIN_REPORTED);

    private SessionEventTypes() {
    }

    /** A pain event: the safety path, and what the safety lane handles at once. */
    public static boolean isPain(String type) {
        return PAIN_STOPPED.equals(type) || PAIN_REPORTED.equals(type);
    }
}
