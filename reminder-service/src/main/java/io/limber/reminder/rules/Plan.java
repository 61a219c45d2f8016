package io.limber.reminder.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** The part of a person's current plan that nudges depend on. */
public record Plan(String userId, int version, String status, ZoneId zone, LocalTime localTime, Set<DayOfWeek> days,
                   LocalDate startDate, LocalDate endDate, QuietHours quietHours, List<Routine> routines) {

    /** One routine of the plan; {@code core} marks the core-strength routine. */
    public record Routine(String routineId, boolean core) {
    }

    public Plan {
        days = Set.copyOf(days);
        routines = List.copyOf(routines);
        quietHours = quietHours == null ? QuietHours.DEFAULT : quietHours;
    }

    public boolean active() {
        return "active".equals(status);
    }

    public boolean hasCoreRoutine() {
        return routines.stream().anyMatch(Routine::core);
    }

    public boolean schedules(LocalDate date) {
        return active() && days.contains(date.getDayOfWeek()) && !date.isBefore(startDate)
                && (endDate == null || !date.isAfter(endDate));
    }
}
