package io.limber.routine.catalogue;

/** Sets of repetitions for an exercise counted in reps; these are the defaults a plan may change. */
public record Repetitions(Integer sets, Integer reps) {
}
