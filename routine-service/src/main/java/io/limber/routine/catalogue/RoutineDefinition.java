package io.limber.routine.catalogue;

import java.util.List;

/** A routine as an author writes it; {@link Routine} is a stored version of it. */
public record RoutineDefinition(String routineId, String title, boolean core, String purpose, List<String> timeOfDay,
                                String timeOfDayHint, String caution, List<Exercise> exercises) {
}
