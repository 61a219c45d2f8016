package io.limber.session.adherence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the long-memory figures (streak, habit strength) need of a person's history up to the end of a closed local
 * day, so that a recompute reads and computes only the days after it plus the 28-day windows, whatever the length of
 * the history. {@link AdherenceCalculator#calculate(Collection, Collection, Instant, AdherenceCheckpoint)} takes one
 * and returns the next; {@link #NONE} means "from the plan's start" (the full calculation, the reference).
 *
 * <p>A checkpoint holds only while nothing on or before its day changes: an activity or a plan version that reaches
 * back to it ({@link #isRewrittenBy}) sends the calculation back to the start.
 *
 * @param closedThrough the last local day it covers; null for {@link #NONE}
 * @param routines      per routine with an occurrence on or before that day
 * @param lastEventAt   the latest time of any activity known when it was made (the "last session event" figure)
 */
public record AdherenceCheckpoint(LocalDate closedThrough, Map<String, RoutineMemory> routines, Instant lastEventAt) {

    /** No checkpoint: compute from the first plan's start date. */
    public static final AdherenceCheckpoint NONE = new AdherenceCheckpoint(null, Map.of(), null);

    /**
     * One routine's long memory at the end of the checkpoint's day.
     *
     * @param streak          consecutive completed occurrences up to the latest closed one (excused ones skipped)
     * @param habitStrength   the habit score after that day
     * @param latestCompleted the outcome of the latest closed, non-excused occurrence; null when there was none yet
     */
    public record RoutineMemory(int streak, double habitStrength, Boolean latestCompleted) {
    }

    public AdherenceCheckpoint {
        routines = Map.copyOf(new TreeMap<>(routines));
    }

    public boolean isNone() {
        return closedThrough == null;
    }

    /**
     * Whether a newly arrived activity changes a day the checkpoint covers: the session it belongs to began on or
     * before that day, or it happened before that day ended (a pain event's safety pause starts at its time and
     * reaches forward only, but after a change of zone eastwards the covered day can still be running when a later
     * date has begun).
     */
    public boolean isRewrittenBy(Activity activity, Collection<PlanVersion> versions) {
        if (isNone()) {
            return false;
        }
        PlanCalendar calendar = new PlanCalendar(versions);
        if (calendar.isEmpty()) {
            return true;
        }
        Instant earliest = earliestInstant(activity);
        return !calendar.dateOf(earliest).isAfter(closedThrough) || earliest.isBefore(calendar.endOf(closedThrough));
    }

    /** The earliest instant an activity concerns: its session's start, or its own time when that is earlier. */
    public static Instant earliestInstant(Activity activity) {
        return activity instanceof Activity.SessionActivity s && s.startedAt().isBefore(activity.time())
                ? s.startedAt() : activity.time();
    }

    /**
     * Whether a newly published plan version changes a day the checkpoint covers. A version rules from the day it was
     * published on in its own zone (later versions never rewrite the past), and it re-dates only the sessions started
     * after it, whose dates in the zone before were no earlier than the publication's date there. Both are on or after
     * the publication's earliest local date in any zone (at UTC-18), so a version published after the checkpoint's
     * day ended there leaves the checkpoint as it is, whatever the zones.
     */
    public boolean isRewrittenBy(PlanVersion published) {
        if (isNone()) {
            return false;
        }
        LocalDate earliestPublishedOn = LocalDate.ofInstant(published.publishedAt(), ZoneOffset.MIN);
        return !earliestPublishedOn.isAfter(closedThrough);
    }
}
