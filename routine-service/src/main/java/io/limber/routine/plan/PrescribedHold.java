package io.limber.routine.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One hold the person is asked to do: a side or position for some seconds, or a set of reps. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrescribedHold(String exerciseId, String position, Integer seconds, Integer reps, Integer restSecondsAfter) {
}
