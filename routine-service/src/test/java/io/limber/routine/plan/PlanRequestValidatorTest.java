package io.limber.routine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.routine.catalogue.BuiltInRoutines;
import io.limber.routine.catalogue.Catalogue;
import io.limber.routine.catalogue.Repetitions;
import io.limber.routine.catalogue.Routine;
import io.limber.routine.validation.InvalidInputException;
import io.limber.routine.validation.Violation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRequestValidatorTest {

    static final Catalogue CATALOGUE = new Catalogue(BuiltInRoutines.load(new ObjectMapper()).stream()
            .map(d -> Routine.of(d, 1, true)).toList());
    private final PlanRequestValidator validator = new PlanRequestValidator();

    static PlanRequest request(List<PlanRequest.RoutineChoice> routines, String zone, String start, String end) {
        return new PlanRequest(routines, new PlanRequest.ScheduleRequest(List.of("monday", "FRIDAY"), null), "20:30",
                zone, start, end, null);
    }

    static PlanRequest.RoutineChoice choice(String id, Integer version) {
        return new PlanRequest.RoutineChoice(id, version, null);
    }

    private List<Violation> violations(PlanRequest request) {
        try {
            validator.validate(request, CATALOGUE);
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        }
    }

    @Test
    void aValidRequestBecomesTermsWithEveryHoldSpelledOutAndDefaultQuietHours() {
        PlanTerms terms = validator.validate(request(List.of(choice("lower-back-stretches", null)), "Europe/Amsterdam",
                "2026-11-02", null), CATALOGUE);

        assertThat(terms.routines()).singleElement().satisfies(r -> {
            assertThat(r.routineVersion()).isEqualTo(1);
            assertThat(r.holds()).hasSize(9);
        });
        assertThat(terms.schedule().daysOfWeek()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(terms.localTime()).isEqualTo(LocalTime.of(20, 30));
        assertThat(terms.startDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(terms.quietHours()).isEqualTo(QuietHours.DEFAULT);
    }

    @Test
    void anUnknownRoutineIsNamedWithItsIndex() {
        assertThat(violations(request(List.of(choice("yoga", null)), "UTC", "2026-11-02", null)))
                .containsExactly(new Violation("routines[0].routineId", "unknown routine 'yoga'"));
    }

    @Test
    void anUnknownVersionOfAKnownRoutineIsRefused() {
        assertThat(violations(request(List.of(choice("core-strength", 7)), "UTC", "2026-11-02", null)))
                .containsExactly(new Violation("routines[0].routineVersion",
                        "unknown version 7 of routine 'core-strength' (newest is 1)"));
    }

    @Test
    void aRoutineTwiceInOnePlanIsRefused() {
        assertThat(violations(request(List.of(choice("core-strength", 1), choice("core-strength", null)), "UTC",
                "2026-11-02", null))).extracting(Violation::field).containsExactly("routines[1].routineId");
    }

    @Test
    void anUnknownTimeZoneOrAFixedOffsetIsRefused() {
        assertThat(violations(request(List.of(choice("core-strength", 1)), "Mars/Olympus", "2026-11-02", null)))
                .extracting(Violation::field).containsExactly("timeZone");
        assertThat(violations(request(List.of(choice("core-strength", 1)), "+02:00", "2026-11-02", null)))
                .extracting(Violation::field).containsExactly("timeZone");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThat(violations(request(List.of(choice("core-strength", 1)), "UTC", "2026-11-02", "2026-11-01")))
                .containsExactly(new Violation("endDate", "end date 2026-11-01 is before start date 2026-11-02"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        PlanRequest bad = new PlanRequest(List.of(), new PlanRequest.ScheduleRequest(List.of("Funday"), null), "25:00",
                null, "yesterday", null, new PlanRequest.QuietHoursRequest("22:00", "22:00"));
        assertThat(violations(bad)).extracting(Violation::field).containsExactly("routines",
                "schedule.daysOfWeek[0]", "localTime", "timeZone", "startDate", "quietHours");
    }

    @Test
    void aScheduleIsEitherDaysOrTimesPerWeek() {
        PlanRequest both = new PlanRequest(List.of(choice("core-strength", 1)),
                new PlanRequest.ScheduleRequest(List.of("MONDAY"), 3), "07:00", "UTC", "2026-11-02", null, null);
        assertThat(violations(both)).extracting(Violation::field).containsExactly("schedule");
        PlanRequest eight = new PlanRequest(List.of(choice("core-strength", 1)),
                new PlanRequest.ScheduleRequest(null, 8), "07:00", "UTC", "2026-11-02", null, null);
        assertThat(violations(eight)).extracting(Violation::field).containsExactly("schedule.timesPerWeek");
    }

    @Test
    void repsCanBeChangedOnlyForExercisesCountedInReps() {
        PlanRequest.RoutineChoice core = new PlanRequest.RoutineChoice("core-strength", 1,
                Map.of("plank", new Repetitions(3, 10)));
        assertThat(violations(request(List.of(core), "UTC", "2026-11-02", null))).containsExactly(
                new Violation("routines[0].repetitions.plank", "'plank' is timed, not counted in reps"));
    }

    @Test
    void chosenSetsAndRepsReplaceTheDefaults() {
        PlanRequest.RoutineChoice core = new PlanRequest.RoutineChoice("core-strength", 1,
                Map.of("bridge", new Repetitions(3, 12)));
        PlanTerms terms = validator.validate(request(List.of(core), "UTC", "2026-11-02", null), CATALOGUE);
        assertThat(terms.routines().get(0).holds()).filteredOn(h -> h.exerciseId().equals("bridge"))
                .extracting(PrescribedHold::position, PrescribedHold::reps)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("set-1", 12), org.assertj.core.groups.Tuple.tuple("set-2", 12),
                        org.assertj.core.groups.Tuple.tuple("set-3", 12));
    }

    @Test
    void aMissingBodyIsRefused() {
        assertThatThrownBy(() -> validator.validate(null, CATALOGUE)).isInstanceOf(InvalidInputException.class);
    }
}
