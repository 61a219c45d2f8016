package io.limber.session.adherence;

import java.time.LocalDate;
import java.util.Optional;

/** A (routine, local date) the plan in force schedules, and what became of it. */
public record Occurrence(String routineId, LocalDate date, Status status, PlanVersion plan,
                         Optional<Activity.SessionCompleted> bestCompletion) {

    /** Completed beats excused; missed and pending are both "not done yet", but only missed is closed. */
    public enum Status { COMPLETED, EXCUSED, MISSED, PENDING }

    public boolean closed() {
        return status != Status.PENDING;
    }

    /** Closed and not excused: counts in the denominator. */
    public boolean counts() {
        return status == Status.COMPLETED || status == Status.MISSED;
    }
}
