package io.limber.routine.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One exercise of a routine: timed holds (each side or position) or sets of repetitions, with cues and an easier
 * option. {@code cuesSource} and {@code easierOptionSource} say whose words they are: {@value #FROM_SOURCE} (the
 * programme's source article) or {@value #FROM_LIMBER} (Limber's own, which the source does not give), so an app can
 * tell a person which advice is the programme's and which is Limber's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Exercise(String exerciseId, String name, List<String> cues,
                       @Schema(enumeration = {FROM_SOURCE, FROM_LIMBER},
                               description = "Whose words the cues are: the programme's source, or Limber's own; absent when unknown")
                       String cuesSource,
                       String easierOption,
                       @Schema(enumeration = {FROM_SOURCE, FROM_LIMBER},
                               description = "Whose advice the easier option is: the programme's source, or Limber's own; absent when unknown")
                       String easierOptionSource,
                       List<Hold> holds, Repetitions repetitions) {

    public static final String FROM_SOURCE = "source";
    public static final String FROM_LIMBER = "limber";

    /** An exercise whose words are not attributed (a professional's own routine, as before attribution existed). */
    public Exercise(String exerciseId, String name, List<String> cues, String easierOption, List<Hold> holds,
                    Repetitions repetitions) {
        this(exerciseId, name, cues, null, easierOption, null, holds, repetitions);
    }

    public boolean countedInReps() {
        return repetitions != null;
    }
}
