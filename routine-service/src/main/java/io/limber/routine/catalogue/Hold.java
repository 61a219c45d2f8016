package io.limber.routine.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One timed hold of an exercise: a side or position held for the prescribed seconds, with an optional rest after it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hold(String position, Integer seconds, Integer restSecondsAfter) {
}
