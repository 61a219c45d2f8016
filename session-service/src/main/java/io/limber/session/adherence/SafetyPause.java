package io.limber.session.adherence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * design.md's safety pause, the one rule session-service and reminder-service both apply: it starts at the event's
 * time and lasts 48 h after a pain-stop that is sharp, has pain of 7 or more, or reports any red flag, and after a
 * pain report of 7 or more; overlapping pauses make one (a later trigger extends it). Here the planned days it
 * overlaps are excused; reminder-service holds back routine nudges. Pinned against that copy by
 * {@code SafetyPauseContractTest} on {@code deploy/contract/rules/safety-pause.json}.
 */
public record SafetyPause(Instant from, Instant until) {

    public static final Duration LENGTH = Duration.ofHours(48);
    public static final int SEVERE_PAIN = 7;

    /** Every pause the activities start. */
    public static List<SafetyPause> from(Collection<Activity> activities) {
        return activities.stream()
                .filter(SafetyPause::startsPause)
                .map(a -> new SafetyPause(a.time(), a.time().plus(LENGTH)))
                .toList();
    }

    static boolean startsPause(Activity activity) {
        if (activity instanceof Activity.SessionPainStopped stop) {
            // a red flag too: nobody told to seek emergency care should have the next evenings counted as missed
            return stop.sharp() || stop.pain() >= SEVERE_PAIN || !stop.redFlags().isEmpty();
        }
        return activity instanceof Activity.PainReported report && report.pain() >= SEVERE_PAIN;
    }

    /** Whether the pause overlaps the half-open interval [start, end). */
    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && until.isAfter(start);
    }
}
