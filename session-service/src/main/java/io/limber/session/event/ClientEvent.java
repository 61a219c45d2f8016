package io.limber.session.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Set;

/** A client app's CloudEvent on {@code session-events} (structured mode), reduced to its envelope and ids. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientEvent(String specversion, String id, String source, String type, Instant time, Data data) {

    public static final Set<String> TYPES = Set.of(
            "limber.session.started", "limber.session.completed", "limber.session.pain-stopped", "limber.pain.reported");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(String userId, String sessionId) {
    }

    /** Why this event cannot be accepted, or null when it can. */
    public String rejection() {
        if (!"1.0".equals(specversion)) {
            return "specversion must be 1.0";
        }
        if (id == null || id.isBlank() || source == null || source.isBlank()) {
            return "id and source are required";
        }
        if (!TYPES.contains(type)) {
            return "unknown type '" + type + "'";
        }
        if (time == null) {
            return "time is required";
        }
        if (data == null || data.userId() == null || data.userId().isBlank()) {
            return "data.userId is required";
        }
        return null;
    }
}
