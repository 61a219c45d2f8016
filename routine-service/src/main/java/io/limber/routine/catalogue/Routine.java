package io.limber.routine.catalogue;

import java.util.List;
import java.util.Optional;

/** One version of a routine: exercises in order, each with its holds, cues, easier option; the caution and time-of-day hint. */
public record Routine(String routineId, int version, boolean builtIn, String title, boolean core, String purpose,
                      List<String> timeOfDay, String timeOfDayHint, String caution, List<Exercise> exercises) {

    public static Routine of(RoutineDefinition definition, int version, boolean builtIn) {
        return new Routine(definition.routineId(), version, builtIn, definition.title(), definition.core(),
                definition.purpose(), definition.timeOfDay(), definition.timeOfDayHint(), definition.caution(),
                definition.exercises());
    }

    public RoutineDefinition definition() {
        return new RoutineDefinition(routineId, title, core, purpose, timeOfDay, timeOfDayHint, caution, exercises);
    }

    public Optional<Exercise> exercise(String exerciseId) {
        return exercises.stream().filter(e -> e.exerciseId().equals(exerciseId)).findFirst();
    }
}
