package io.limber.session.adherence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** One published version of a person's plan: what is prescribed, on which days, in which time zone, from when. */
public record PlanVersion(int version, Status status, ZoneId zone, Set<DayOfWeek> days, LocalDate startDate,
                          LocalDate endDate, Instant publishedAt, List<PrescribedRoutine> routines) {

    /** Whether the plan schedules anything. */
    public enum Status { ACTIVE, PAUSED, ENDED }

    public PlanVersion {
        days = Set.copyOf(days);
        routines = List.copyOf(routines);
    }

    /** Whether this version, when in force on {@code date}, schedules its routines then. */
    public boolean schedules(LocalDate date) {
        return isActiveOn(date) && days.contains(date.getDayOfWeek());
    }

    /**
     * Whether this version, when in force on {@code date}, is an active plan that day: not paused or ended, and the
     * date within its start and end dates. A day without one leaves habit strength unchanged.
     */
    public boolean isActiveOn(LocalDate date) {
        return status == Status.ACTIVE
                && !date.isBefore(startDate)
                && (endDate == null || !date.isAfter(endDate));
    }

    /** Planned days per week ÷ 7: Loop Habit Tracker's frequency. */
    public double weeklyFrequency() {
        return days.size() / 7.0;
    }

    /** One routine of the plan with the holds its version prescribes. */
    public record PrescribedRoutine(String routineId, int routineVersion, boolean core, List<PrescribedHold> holds) {
        public PrescribedRoutine {
            holds = List.copyOf(holds);
        }
    }

    /** One hold (a side or position of a stretch, a set of an exercise): seconds or reps. */
    public record PrescribedHold(String exerciseId, String position, Integer seconds, Integer reps) {
    }
}
