package io.limber.reminder.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events as the other services publish them: each starts from their agreed example (read from their module) and
 * changes only what the test is about.
 */
public final class TestEvents {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROUTINE = "../routine-service/src/main/resources/events/examples/";
    private static final String SESSION = "../session-service/src/main/resources/events/examples/";

    private TestEvents() {
    }

    /** A daily stretches plan in Amsterdam at {@code localTime}, from the plan-published example. */
    public static String plan(String userId, int version, String status, String localTime) {
        ObjectNode event = example(ROUTINE + "plan-published.json");
        event.put("id", "plan-" + userId + "-v" + version);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("userId", userId).put("version", version).put("status", status).put("localTime", localTime);
        return event.toString();
    }

    public static String sessionStarted(String userId, Instant at) {
        ObjectNode event = example(SESSION + "session-started.json");
        event.put("id", UUID.randomUUID().toString()).put("time", at.toString());
        ((ObjectNode) event.get("data")).put("userId", userId).put("startedAt", at.toString());
        return event.toString();
    }

    public static String painStop(String eventId, String userId, int pain, boolean sharp, List<String> redFlags,
                                  Instant at) {
        ObjectNode event = example(SESSION + "session-pain-stopped.json");
        event.put("id", eventId).put("time", at.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("userId", userId).put("pain", pain).put("sharp", sharp).put("startedAt", at.minusSeconds(300).toString());
        ArrayNode flags = data.putArray("redFlags");
        redFlags.forEach(flags::add);
        return event.toString();
    }

    public static String painReported(String eventId, String userId, boolean settled, String inReplyTo, Instant at) {
        ObjectNode event = example(SESSION + "pain-reported.json");
        event.put("id", eventId).put("time", at.toString());
        ((ObjectNode) event.get("data")).put("userId", userId).put("settled", settled).put("inReplyTo", inReplyTo);
        return event.toString();
    }

    /** A pain report with the given score (the example's other fields kept). */
    public static String painReported(String eventId, String userId, int pain, boolean settled, Instant at) {
        ObjectNode event = (ObjectNode) json(painReported(eventId, userId, settled, null, at));
        ((ObjectNode) event.get("data")).put("pain", pain);
        return event.toString();
    }

    /** The adherence example with the person's 7-day adherence and stretches streak set. */
    public static String adherence(String userId, Instant at, double adherence7, int streak) {
        ObjectNode event = example(SESSION + "adherence-updated.json");
        event.put("id", "adherence-" + userId + "-" + at).put("time", at.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("userId", userId).put("sessionAdherence7", adherence7);
        ((ObjectNode) data.get("routines").get(0)).put("streak", streak);
        return event.toString();
    }

    public static JsonNode json(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode example(String path) {
        try {
            return (ObjectNode) MAPPER.readTree(Path.of(path).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
