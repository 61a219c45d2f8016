package io.limber.reminder.safety;

import java.time.Instant;
import java.util.List;

/** A pain-stop a person reported: what the safety rule looks at. */
public record PainStop(String eventId, String userId, String sessionId, String exercise, int pain, boolean sharp,
                       List<String> redFlags, Instant time) {

    public PainStop {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }
}
