package io.limber.reminder.rules;

import java.time.Instant;
import java.util.List;

/** A pain-stop a person reported ({@code limber.session.pain-stopped}). */
public record PainStop(String eventId, String userId, String routineId, String exerciseId, int pain, boolean sharp,
                       List<String> redFlags, Instant time) {

    public PainStop {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }

    public boolean redFlag() {
        return !redFlags.isEmpty();
    }
}
