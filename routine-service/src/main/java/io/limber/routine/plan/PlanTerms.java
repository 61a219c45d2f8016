package io.limber.routine.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** What a professional prescribes: routines, schedule, local time and zone, dates and quiet hours. */
public record PlanTerms(List<PrescribedRoutine> routines, Schedule schedule, LocalTime localTime, ZoneId timeZone,
                        LocalDate startDate, LocalDate endDate, QuietHours quietHours) {
}
