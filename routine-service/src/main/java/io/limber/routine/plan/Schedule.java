package io.limber.routine.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DayOfWeek;
import java.util.List;

/** When the routines are due: on fixed days of the week, or N times a week on days the person picks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(List<DayOfWeek> daysOfWeek, Integer timesPerWeek) {

    public static Schedule onDays(List<DayOfWeek> days) {
        return new Schedule(days.stream().distinct().sorted().toList(), null);
    }

    public static Schedule timesPerWeek(int times) {
        return new Schedule(null, times);
    }
}
