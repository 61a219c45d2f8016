package io.limber.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Events for integration tests: plans made from routine-service's own example, client events from ours. */
public final class TestEvents {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final ObjectMapper MAPPER = new ObjectMapper();

    private TestEvents() {
    }

    public static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** routine-service's daily stretches plan for this person, version 1, starting on the date given. */
    public static String plan(String userId, LocalDate startDate) {
        ObjectNode plan = read(Path.of("../routine-service/src/main/resources/events/examples/plan-published.json"));
        plan.put("id", "plan-" + userId + "-v1");
        ObjectNode data = (ObjectNode) plan.get("data");
        data.put("userId", userId);
        data.put("version", 1);
        data.put("startDate", startDate.toString());
        String published = startDate.minusDays(1).atStartOfDay(ZONE).toInstant().toString();
        data.put("publishedAt", published);
        plan.put("time", published);
        return plan.toString();
    }

    public static String started(String userId, String sessionId, Instant startedAt) {
        ObjectNode event = example("session-started.json", userId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("sessionId", sessionId);
        data.put("startedAt", startedAt.toString());
        event.put("time", startedAt.toString());
        return event.toString();
    }

    public static String completed(String userId, String sessionId, Instant startedAt) {
        ObjectNode event = example("session-completed.json", userId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("sessionId", sessionId);
        data.put("startedAt", startedAt.toString());
        data.put("completedAt", startedAt.plusSeconds(700).toString());
        event.put("time", startedAt.plusSeconds(700).toString());
        return event.toString();
    }

    public static String painStopped(String userId, String sessionId, Instant startedAt, int pain, boolean sharp) {
        ObjectNode event = example("session-pain-stopped.json", userId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("sessionId", sessionId);
        data.put("startedAt", startedAt.toString());
        data.put("pain", pain);
        data.put("sharp", sharp);
        event.put("time", startedAt.plusSeconds(300).toString());
        return event.toString();
    }

    /** One of our examples, with a fresh id and the person given. */
    public static ObjectNode example(String name, String userId) {
        ObjectNode event = read(Path.of("src/main/resources/events/examples").resolve(name));
        event.put("id", UUID.randomUUID().toString());
        ((ObjectNode) event.get("data")).put("userId", userId);
        return event;
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(Path path) {
        try {
            return (ObjectNode) MAPPER.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
