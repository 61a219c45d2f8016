package io.limber.session.adherence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The 48 h safety pause after a sharp pain-stop or any pain of 7 or more; planned days it overlaps are excused. */
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
            return stop.sharp() || stop.pain() >= SEVERE_PAIN;
        }
        return activity instanceof Activity.PainReported report && report.pain() >= SEVERE_PAIN;
    }

    /** Whether the pause overlaps the half-open interval [start, end). */
    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && until.isAfter(start);
    }
}
