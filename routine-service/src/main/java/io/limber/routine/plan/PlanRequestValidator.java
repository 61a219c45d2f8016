package io.limber.routine.plan;

import io.limber.routine.catalogue.Catalogue;
import io.limber.routine.catalogue.Exercise;
import io.limber.routine.catalogue.Repetitions;
import io.limber.routine.catalogue.Routine;
import io.limber.routine.catalogue.RoutineValidator;
import io.limber.routine.validation.InvalidInputException;
import io.limber.routine.validation.Violation;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a plan request against the catalogue and turns it into {@link PlanTerms}; every problem is reported with
 * the field it concerns (unknown routine or version, duplicate routine, unknown time zone, end before start...).
 */
public final class PlanRequestValidator {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    /** The terms, or an {@link InvalidInputException} listing every violation. */
    public PlanTerms validate(PlanRequest request, Catalogue catalogue) {
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            throw new InvalidInputException("body", "a plan is required");
        }
        List<PrescribedRoutine> routines = routines(request.routines(), catalogue, violations);
        Schedule schedule = schedule(request.schedule(), violations);
        LocalTime localTime = time("localTime", request.localTime(), true, violations);
        ZoneId zone = zone(request.timeZone(), violations);
        LocalDate start = date("startDate", request.startDate(), true, violations);
        LocalDate end = date("endDate", request.endDate(), false, violations);
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(new Violation("endDate", "end date " + end + " is before start date " + start));
        }
        QuietHours quietHours = quietHours(request.quietHours(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new PlanTerms(routines, schedule, localTime, zone, start, end, quietHours);
    }

    private static List<PrescribedRoutine> routines(List<PlanRequest.RoutineChoice> choices, Catalogue catalogue,
                                                    List<Violation> violations) {
        if (choices == null || choices.isEmpty()) {
            violations.add(new Violation("routines", "at least one routine is required"));
            return List.of();
        }
        List<PrescribedRoutine> prescribed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            String field = "routines[" + i + "]";
            PlanRequest.RoutineChoice choice = choices.get(i);
            if (choice == null || choice.routineId() == null || choice.routineId().isBlank()) {
                violations.add(new Violation(field + ".routineId", "is required"));
                continue;
            }
            if (!seen.add(choice.routineId())) {
                violations.add(new Violation(field + ".routineId", "duplicate routine '" + choice.routineId()
                        + "': each routine appears once in a plan"));
                continue;
            }
            if (!catalogue.contains(choice.routineId())) {
                violations.add(new Violation(field + ".routineId", "unknown routine '" + choice.routineId() + "'"));
                continue;
            }
            Optional<Routine> routine = choice.routineVersion() == null
                    ? catalogue.latest(choice.routineId())
                    : catalogue.find(choice.routineId(), choice.routineVersion());
            if (routine.isEmpty()) {
                violations.add(new Violation(field + ".routineVersion", "unknown version " + choice.routineVersion()
                        + " of routine '" + choice.routineId() + "' (newest is "
                        + catalogue.latest(choice.routineId()).orElseThrow().version() + ")"));
                continue;
            }
            if (repetitionsFit(field, routine.get(), choice.repetitions(), violations)) {
                prescribed.add(Prescription.of(routine.get(), choice.repetitions()));
            }
        }
        return prescribed;
    }

    private static boolean repetitionsFit(String field, Routine routine, Map<String, Repetitions> overrides,
                                          List<Violation> violations) {
        if (overrides == null) {
            return true;
        }
        int before = violations.size();
        overrides.forEach((exerciseId, reps) -> {
            String f = field + ".repetitions." + exerciseId;
            Optional<Exercise> exercise = routine.exercise(exerciseId);
            if (exercise.isEmpty()) {
                violations.add(new Violation(f, "routine '" + routine.routineId() + "' has no exercise '" + exerciseId + "'"));
            } else if (!exercise.get().countedInReps()) {
                violations.add(new Violation(f, "'" + exerciseId + "' is timed, not counted in reps"));
            } else if (reps == null) {
                violations.add(new Violation(f, "must give sets and/or reps"));
            } else {
                if (reps.sets() != null && (reps.sets() < 1 || reps.sets() > RoutineValidator.MAX_SETS)) {
                    violations.add(new Violation(f + ".sets", "must be between 1 and " + RoutineValidator.MAX_SETS
                            + ", was " + reps.sets()));
                }
                if (reps.reps() != null && (reps.reps() < 1 || reps.reps() > RoutineValidator.MAX_REPS)) {
                    violations.add(new Violation(f + ".reps", "must be between 1 and " + RoutineValidator.MAX_REPS
                            + ", was " + reps.reps()));
                }
            }
        });
        return violations.size() == before;
    }

    private static Schedule schedule(PlanRequest.ScheduleRequest schedule, List<Violation> violations) {
        if (schedule == null) {
            violations.add(new Violation("schedule", "is required: daysOfWeek or timesPerWeek"));
            return null;
        }
        boolean hasDays = schedule.daysOfWeek() != null;
        boolean hasTimes = schedule.timesPerWeek() != null;
        if (hasDays == hasTimes) {
            violations.add(new Violation("schedule", "give exactly one of daysOfWeek or timesPerWeek"));
            return null;
        }
        if (hasTimes) {
            if (schedule.timesPerWeek() < 1 || schedule.timesPerWeek() > 7) {
                violations.add(new Violation("schedule.timesPerWeek", "must be between 1 and 7, was "
                        + schedule.timesPerWeek()));
                return null;
            }
            return Schedule.timesPerWeek(schedule.timesPerWeek());
        }
        if (schedule.daysOfWeek().isEmpty()) {
            violations.add(new Violation("schedule.daysOfWeek", "at least one day is required"));
            return null;
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int i = 0; i < schedule.daysOfWeek().size(); i++) {
            String day = schedule.daysOfWeek().get(i);
            try {
                DayOfWeek parsed = DayOfWeek.valueOf(String.valueOf(day).toUpperCase(Locale.ROOT));
                if (days.contains(parsed)) {
                    violations.add(new Violation("schedule.daysOfWeek[" + i + "]", "duplicate day " + parsed));
                }
                days.add(parsed);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("schedule.daysOfWeek[" + i + "]", "unknown day '" + day
                        + "' (MONDAY ... SUNDAY)"));
            }
        }
        return Schedule.onDays(days);
    }

    private static ZoneId zone(String zone, List<Violation> violations) {
        if (zone == null || zone.isBlank()) {
            violations.add(new Violation("timeZone", "is required (an IANA time zone such as Europe/Amsterdam)"));
            return null;
        }
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            violations.add(new Violation("timeZone", "unknown time zone '" + zone
                    + "': use an IANA time zone such as Europe/Amsterdam"));
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            violations.add(new Violation("timeZone", "unknown time zone '" + zone + "'"));
            return null;
        }
    }

    private static LocalTime time(String field, String value, boolean required, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required (HH:mm)"));
            }
            return null;
        }
        try {
            return LocalTime.parse(value, HOURS_MINUTES);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "'" + value + "' is not a time of day as HH:mm"));
            return null;
        }
    }

    private static LocalDate date(String field, String value, boolean required, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required (yyyy-MM-dd)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "'" + value + "' is not a date as yyyy-MM-dd"));
            return null;
        }
    }

    private static QuietHours quietHours(PlanRequest.QuietHoursRequest quiet, List<Violation> violations) {
        if (quiet == null) {
            return QuietHours.DEFAULT;
        }
        LocalTime start = time("quietHours.start", quiet.start(), true, violations);
        LocalTime end = time("quietHours.end", quiet.end(), true, violations);
        if (start != null && start.equals(end)) {
            violations.add(new Violation("quietHours", "start and end are the same time"));
        }
        return start == null || end == null ? null : new QuietHours(start, end);
    }
}
