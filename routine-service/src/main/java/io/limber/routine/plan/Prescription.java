package io.limber.routine.plan;

import io.limber.routine.catalogue.Exercise;
import io.limber.routine.catalogue.Hold;
import io.limber.routine.catalogue.Repetitions;
import io.limber.routine.catalogue.Routine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spells out a routine version as the holds a person is asked to do: each side or position of a stretch and each
 * plank set is one hold; exercises counted in reps become set-1..set-n with the plan's (or the default) reps.
 */
public final class Prescription {

    private Prescription() {
    }

    public static PrescribedRoutine of(Routine routine, Map<String, Repetitions> overrides) {
        List<PrescribedHold> holds = new ArrayList<>();
        for (Exercise exercise : routine.exercises()) {
            if (exercise.countedInReps()) {
                Repetitions chosen = overrides == null ? null : overrides.get(exercise.exerciseId());
                int sets = chosen != null && chosen.sets() != null ? chosen.sets() : exercise.repetitions().sets();
                int reps = chosen != null && chosen.reps() != null ? chosen.reps() : exercise.repetitions().reps();
                for (int set = 1; set <= sets; set++) {
                    holds.add(new PrescribedHold(exercise.exerciseId(), "set-" + set, null, reps, null));
                }
            } else {
                for (Hold hold : exercise.holds()) {
                    holds.add(new PrescribedHold(exercise.exerciseId(), hold.position(), hold.seconds(), null,
                            hold.restSecondsAfter()));
                }
            }
        }
        return new PrescribedRoutine(routine.routineId(), routine.version(), routine.core(), List.copyOf(holds));
    }
}
