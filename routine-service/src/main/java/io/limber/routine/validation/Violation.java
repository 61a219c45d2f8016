package io.limber.routine.validation;

/** One reason an input was refused: the field (a JSON path such as {@code routines[0].routineVersion}) and why. */
public record Violation(String field, String reason) {
}
