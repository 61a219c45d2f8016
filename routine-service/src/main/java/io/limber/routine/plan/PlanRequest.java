package io.limber.routine.plan;

import io.limber.routine.catalogue.Repetitions;
import java.util.List;
import java.util.Map;

/**
 * A plan as a client sends it. Text stays text here so that {@link PlanRequestValidator} can say precisely what
 * is wrong with each field.
 */
public record PlanRequest(List<RoutineChoice> routines, ScheduleRequest schedule, String localTime, String timeZone,
                          String startDate, String endDate, QuietHoursRequest quietHours) {

    /** A routine to prescribe; no version means the newest; repetitions override sets/reps per exercise id. */
    public record RoutineChoice(String routineId, Integer routineVersion, Map<String, Repetitions> repetitions) {
    }

    /** Either days of the week (MONDAY...) or a number of times a week. */
    public record ScheduleRequest(List<String> daysOfWeek, Integer timesPerWeek) {
    }

    public record QuietHoursRequest(String start, String end) {
    }
}
