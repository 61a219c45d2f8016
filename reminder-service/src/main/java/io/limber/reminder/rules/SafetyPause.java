package io.limber.reminder.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * design.md's safety pause, the one rule reminder-service and session-service both apply: it starts at the event's
 * time and lasts 48 h after a pain-stop that is sharp, has pain of 7 or more, or reports any red flag, and after a
 * pain report of 7 or more; a later trigger extends it to 48 h after the later one. Here it holds back reminders,
 * follow-ups, lapse, milestone and progression nudges; session-service excuses the days it overlaps. Pinned against
 * that copy by {@code SafetyPauseContractTest} on {@code deploy/contract/rules/safety-pause.json}.
 */
public final class SafetyPause {

    public static final Duration LENGTH = Duration.ofHours(48);
    public static final int SEVERE_PAIN = 7;

    private SafetyPause() {
    }

    public static boolean startsPause(PainStop stop) {
        return stop.sharp() || stop.pain() >= SEVERE_PAIN || stop.redFlag();
    }

    public static boolean startsPause(PainReport report) {
        return report.pain() >= SEVERE_PAIN;
    }

    /** When a pause started by a trigger at {@code time} ends. */
    public static Instant until(Instant time) {
        return time.plus(LENGTH);
    }
}
