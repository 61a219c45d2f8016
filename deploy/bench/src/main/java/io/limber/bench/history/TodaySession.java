package io.limber.bench.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.bench.support.PlanEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One new session of a person as their app reports it live: {@code limber.session.started} and
 * {@code limber.session.completed} (every hold of the evening routine, 60 s), as structured CloudEvents.
 */
record TodaySession(String userId, Instant startedAt, Instant completedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "/clients/bench/history";

    /** The two events, in the order the app sends them. */
    List<String> events() {
        String sessionId = UUID.randomUUID().toString();
        ObjectNode started = data(sessionId);
        ObjectNode completed = data(sessionId).put("completedAt", completedAt.toString());
        ArrayNode holds = completed.putArray("holds");
        for (String[] hold : PlanEvents.HOLDS) {
            holds.addObject().put("exerciseId", hold[0]).put("position", hold[1]).put("seconds", 60);
        }
        return List.of(envelope("limber.session.started", "session-started", startedAt, started),
                envelope("limber.session.completed", "session-completed", completedAt, completed));
    }

    private ObjectNode data(String sessionId) {
        return JSON.createObjectNode().put("userId", userId).put("sessionId", sessionId)
                .put("routineId", "lower-back-stretches").put("routineVersion", 1)
                .put("startedAt", startedAt.toString());
    }

    private static String envelope(String type, String schema, Instant time, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", SOURCE)
                .put("type", type)
                .put("time", time.toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", "urn:limber:schema:" + schema + ":1");
        event.set("data", data);
        return event.toString();
    }
}
