package io.limber.routine.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed programme, as the design lists it, read from the catalogue data files. */
class BuiltInRoutinesTest {

    private final List<RoutineDefinition> builtIns = BuiltInRoutines.load(new ObjectMapper());

    private RoutineDefinition routine(String id) {
        return builtIns.stream().filter(r -> r.routineId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theFiveStretchesComeInTheDesignsOrderWithEverySideAndPositionHeldSixtySeconds() {
        RoutineDefinition stretches = routine("lower-back-stretches");
        assertThat(stretches.exercises()).extracting(Exercise::exerciseId).containsExactly(
                "knees-to-chest", "forward-fold", "childs-pose", "crossover", "doorway-hamstring");
        assertThat(stretches.exercises().get(2).holds()).extracting(Hold::position, Hold::seconds)
                .containsExactly(tuple("centre", 60), tuple("right", 60), tuple("left", 60));
        assertThat(stretches.exercises().get(3).holds()).extracting(Hold::position).containsExactly("right", "left");
        assertThat(stretches.exercises().get(4).holds()).extracting(Hold::position).containsExactly("right", "left");
        assertThat(stretches.exercises()).flatExtracting(Exercise::holds).extracting(Hold::seconds).containsOnly(60);
    }

    @Test
    void everyStretchHasCuesAndAnEasierOptionAndTheRoutineCarriesTheCautionAndTimeOfDay() {
        RoutineDefinition stretches = routine("lower-back-stretches");
        assertThat(stretches.exercises()).allSatisfy(e -> {
            assertThat(e.cues()).isNotEmpty();
            assertThat(e.easierOption()).isNotBlank();
        });
        assertThat(stretches.caution()).contains("sharp").contains("call your doctor");
        assertThat(stretches.timeOfDay()).containsExactly("before-bed", "after-workout");
        assertThat(stretches.exercises().get(2).easierOption()).contains("stack of books");
    }

    @Test
    void thePlankIsThreeSetsOfSixtySecondsOnAndFifteenOffEasierOnTheKnees() {
        Exercise plank = routine("core-strength").exercises().get(0);
        assertThat(plank.exerciseId()).isEqualTo("plank");
        assertThat(plank.holds()).extracting(Hold::position, Hold::seconds, Hold::restSecondsAfter).containsExactly(
                tuple("set-1", 60, 15), tuple("set-2", 60, 15), tuple("set-3", 60, 15));
        assertThat(plank.easierOption()).containsIgnoringCase("knees");
    }

    @Test
    void bridgesAndLegLiftsAreCountedInRepsWithDefaultSetsAndReps() {
        RoutineDefinition core = routine("core-strength");
        assertThat(core.core()).isTrue();
        assertThat(core.exercises()).extracting(Exercise::exerciseId, Exercise::repetitions).containsExactly(
                tuple("plank", null), tuple("bridge", new Repetitions(2, 10)), tuple("leg-lift", new Repetitions(2, 10)));
    }

    @Test
    void theBuiltInsPassTheSameRulesAsProfessionalsRoutines() {
        assertThat(builtIns).allSatisfy(r -> assertThat(new RoutineValidator().check(r)).isEmpty());
    }
}
