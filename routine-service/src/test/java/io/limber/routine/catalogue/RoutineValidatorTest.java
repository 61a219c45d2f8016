package io.limber.routine.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.routine.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutineValidatorTest {

    private final RoutineValidator validator = new RoutineValidator();

    static Exercise timed(String id, int... seconds) {
        List<Hold> holds = new java.util.ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            holds.add(new Hold("set-" + (i + 1), seconds[i], null));
        }
        return new Exercise(id, "Name of " + id, List.of("cue"), "easier", holds, null);
    }

    static RoutineDefinition routine(Exercise... exercises) {
        return new RoutineDefinition("wall-sit", "Wall sit", true, null, List.of(), null, "Stop if pain is sharp.",
                List.of(exercises));
    }

    @Test
    void aRoutineWithinTheRulesHasNoViolations() {
        assertThat(validator.check(routine(timed("wall-sit", 5, 600)))).isEmpty();
    }

    @Test
    void holdsShorterThanFiveOrLongerThanSixHundredSecondsAreRefused() {
        assertThat(validator.check(routine(timed("wall-sit", 4, 601))))
                .extracting(Violation::field)
                .containsExactly("exercises[0].holds[0].seconds", "exercises[0].holds[1].seconds");
    }

    @Test
    void aRoutineNeedsAtLeastOneExercise() {
        assertThat(validator.check(routine())).containsExactly(
                new Violation("exercises", "at least one exercise is required"));
    }

    @Test
    void exerciseIdsMustBeUniqueWithinTheRoutine() {
        assertThat(validator.check(routine(timed("plank", 60), timed("plank", 30))))
                .containsExactly(new Violation("exercises[1].exerciseId", "duplicate exercise id 'plank' in this routine"));
    }

    @Test
    void anExerciseHasEitherHoldsOrRepetitionsNotBothNorNeither() {
        Exercise neither = new Exercise("bridge", "Bridge", List.of(), null, List.of(), null);
        Exercise both = new Exercise("lift", "Lift", List.of(), null, List.of(new Hold("a", 10, null)),
                new Repetitions(2, 10));
        assertThat(validator.check(routine(neither, both))).extracting(Violation::field)
                .containsExactly("exercises[0]", "exercises[1]");
    }

    @Test
    void setsAndRepsMustBeWithinBounds() {
        Exercise reps = new Exercise("bridge", "Bridge", List.of(), null, null, new Repetitions(0, 101));
        assertThat(validator.check(routine(reps))).extracting(Violation::field)
                .containsExactly("exercises[0].repetitions.sets", "exercises[0].repetitions.reps");
    }

    @Test
    void idsAreLowerCaseWordsJoinedByHyphens() {
        RoutineDefinition bad = new RoutineDefinition("Wall Sit!", "t", false, null, null, null, "c",
                List.of(timed("ok", 30)));
        assertThat(validator.check(bad)).extracting(Violation::field).containsExactly("routineId");
    }

    @Test
    void positionsAreUniqueWithinAnExercise() {
        Exercise twice = new Exercise("crossover", "Crossover", List.of(), null,
                List.of(new Hold("left", 60, null), new Hold("left", 60, null)), null);
        assertThat(validator.check(routine(twice))).extracting(Violation::field)
                .containsExactly("exercises[0].holds[1].position");
    }

    @Test
    void hugeTextsAndListsAreRefusedNamingTheField() {
        String huge = "x".repeat(1_000_000);
        RoutineDefinition routine = new RoutineDefinition("huge", huge, false, huge, java.util.List.of("evening"), null,
                "Stop if sharp.", java.util.List.of(new Exercise("a", "A", java.util.Collections.nCopies(21, "cue"), huge,
                        java.util.List.of(new Hold("p", 30, null)), null)));
        org.assertj.core.api.Assertions.assertThat(new RoutineValidator().check(routine))
                .extracting(io.limber.routine.validation.Violation::field)
                .containsExactlyInAnyOrder("title", "purpose", "exercises[0].easierOption", "exercises[0].cues");
    }

    @Test
    void whoseWordsAnExercisesCuesAndEasierOptionAreIsTheSourceOrLimberAndNothingElse() {
        Exercise attributed = new Exercise("plank", "Plank", List.of("cue"), "source", "easier", "limber",
                List.of(new Hold("set-1", 60, null)), null);
        Exercise misattributed = new Exercise("plank", "Plank", List.of("cue"), "the internet", "easier", "LIMBER",
                List.of(new Hold("set-1", 60, null)), null);
        assertThat(validator.check(routine(attributed))).isEmpty();
        assertThat(validator.check(routine(misattributed))).containsExactly(
                new Violation("exercises[0].cuesSource", "must be 'source' or 'limber', was 'the internet'"),
                new Violation("exercises[0].easierOptionSource", "must be 'source' or 'limber', was 'LIMBER'"));
    }
}
