package io.limber.routine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class PrescriptionTest {

    @Test
    void theStretchesBecomeNineHoldsOfSixtySecondsInOrder() {
        PrescribedRoutine stretches = Prescription.of(
                PlanRequestValidatorTest.CATALOGUE.latest("lower-back-stretches").orElseThrow(), null);
        assertThat(stretches.holds()).extracting(PrescribedHold::exerciseId, PrescribedHold::position).containsExactly(
                tuple("knees-to-chest", "both"), tuple("forward-fold", "centre"),
                tuple("childs-pose", "centre"), tuple("childs-pose", "right"), tuple("childs-pose", "left"),
                tuple("crossover", "right"), tuple("crossover", "left"),
                tuple("doorway-hamstring", "right"), tuple("doorway-hamstring", "left"));
        assertThat(stretches.holds()).extracting(PrescribedHold::seconds).containsOnly(60);
    }

    @Test
    void theCoreRoutineIsThreePlankSetsThenDefaultSetsOfBridgesAndLegLifts() {
        PrescribedRoutine core = Prescription.of(PlanRequestValidatorTest.CATALOGUE.latest("core-strength").orElseThrow(), null);
        assertThat(core.core()).isTrue();
        assertThat(core.holds()).extracting(PrescribedHold::exerciseId, PrescribedHold::position,
                PrescribedHold::seconds, PrescribedHold::reps, PrescribedHold::restSecondsAfter).containsExactly(
                tuple("plank", "set-1", 60, null, 15), tuple("plank", "set-2", 60, null, 15),
                tuple("plank", "set-3", 60, null, 15),
                tuple("bridge", "set-1", null, 10, null), tuple("bridge", "set-2", null, 10, null),
                tuple("leg-lift", "set-1", null, 10, null), tuple("leg-lift", "set-2", null, 10, null));
    }
}
