package io.limber.routine.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One exercise of a routine: timed holds (each side or position) or sets of repetitions, with cues and an easier option. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Exercise(String exerciseId, String name, List<String> cues, String easierOption, List<Hold> holds,
                       Repetitions repetitions) {

    public boolean countedInReps() {
        return repetitions != null;
    }
}
