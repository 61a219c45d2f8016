package io.limber.session.adherence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How much of the prescribed dose a completed session delivered: a prescribed hold is done when a reported hold of
 * the same exercise and side/position lasted at least 95 % of its seconds, or reached its reps.
 */
public final class DoseAdherence {

    public static final double SECONDS_THRESHOLD = 0.95;

    private DoseAdherence() {
    }

    /** The number of prescribed holds done; a hold not reported is not done. */
    public static int holdsDone(Collection<PlanVersion.PrescribedHold> prescribed, Collection<Activity.ReportedHold> reported) {
        Map<String, Activity.ReportedHold> best = new HashMap<>();
        for (Activity.ReportedHold hold : reported) {
            best.merge(key(hold.exerciseId(), hold.position()), hold, (a, b) -> new Activity.ReportedHold(
                    a.exerciseId(), a.position(), max(a.seconds(), b.seconds()), max(a.reps(), b.reps())));
        }
        int done = 0;
        for (PlanVersion.PrescribedHold hold : prescribed) {
            Activity.ReportedHold report = best.get(key(hold.exerciseId(), hold.position()));
            if (report != null && isDone(hold, report)) {
                done++;
            }
        }
        return done;
    }

    static boolean isDone(PlanVersion.PrescribedHold prescribed, Activity.ReportedHold reported) {
        if (prescribed.seconds() != null) {
            return reported.seconds() != null && reported.seconds() >= SECONDS_THRESHOLD * prescribed.seconds();
        }
        if (prescribed.reps() != null) {
            return reported.reps() != null && reported.reps() >= prescribed.reps();
        }
        return true;
    }

    private static String key(String exerciseId, String position) {
        return exerciseId + "\u0000" + (position == null ? "" : position);
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
