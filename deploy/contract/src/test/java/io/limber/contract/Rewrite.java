package io.limber.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An example made into a fresh case: another person (the example's user id is replaced everywhere, ids built from it
 * included), a new event id where the id did not hold the user id, new session ids, and every instant moved so that
 * the event happened {@code at} (relations between its instants kept), every date by whole weeks (weekdays kept).
 * Every other field stays as the producer documented it.
 */
final class Rewrite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Rewrite() {
    }

    static ObjectNode forCase(Examples.Example example, String userId, Instant at) {
        String original = example.userId();
        ObjectNode event;
        try {
            event = (ObjectNode) JSON.readTree(example.event().toString().replace(original, userId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event.path("id").asText().equals(example.event().path("id").asText())) {
            event.put("id", UUID.randomUUID().toString());
        }
        if (event.path("data").has("sessionId")) {
            ((ObjectNode) event.get("data")).put("sessionId", UUID.randomUUID().toString());
        }
        Duration shift = Duration.between(Instant.parse(example.event().path("time").asText()), at);
        long weeks = Math.floorDiv(shift.toDays(), 7);
        event.put("time", at.toString());
        move(event.path("data"), shift, weeks);
        return event;
    }

    private static void move(JsonNode node, Duration shift, long weeks) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.properties().stream().map(Map.Entry::getKey).toList())) {
                JsonNode moved = moved(object.get(name), shift, weeks);
                if (moved != null) {
                    object.set(name, moved);
                } else {
                    move(object.get(name), shift, weeks);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode moved = moved(array.get(i), shift, weeks);
                if (moved != null) {
                    array.set(i, moved);
                } else {
                    move(array.get(i), shift, weeks);
                }
            }
        }
    }

    private static JsonNode moved(JsonNode value, Duration shift, long weeks) {
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText();
        if (INSTANT.matcher(text).matches()) {
            return JSON.getNodeFactory().textNode(Instant.parse(text).plus(shift).toString());
        }
        if (DATE.matcher(text).matches()) {
            return JSON.getNodeFactory().textNode(LocalDate.parse(text).plusWeeks(weeks).toString());
        }
        return null;
    }
}
