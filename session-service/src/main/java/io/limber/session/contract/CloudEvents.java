package io.limber.session.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * Reads CloudEvents 1.0 in either mode into the structured form: structured (the whole event is the JSON body)
 * or binary (attributes in {@code ce_} Kafka headers or {@code ce-} HTTP headers, the body is {@code data}).
 */
public final class CloudEvents {

    private final ObjectMapper mapper;

    public CloudEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Thrown for a body that is not JSON. */
    public static final class NotJson extends IllegalArgumentException {
        public NotJson(String message) {
            super(message);
        }
    }

    /** Structured mode: the JSON text is the event (or, for a batch, an array of events). */
    public JsonNode structured(String json) {
        try {
            JsonNode node = json == null ? null : mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new NotJson("not valid JSON: empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new NotJson(notJson(e));
        }
    }

    /**
     * Where the text stops being JSON, never what it says there: Jackson's own message quotes up to 256 characters
     * of the input, and this text reaches the 400 answer, the dead-letter header and a WARN log line, where a
     * user id or a note from a malformed event must not appear.
     */
    static String notJson(JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        return at == null ? "not valid JSON"
                : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /**
     * Binary mode: attributes from headers whose names start with the prefix ({@code ce_} or {@code ce-}, any
     * case), data from the body.
     */
    public JsonNode binary(Map<String, String> headers, String prefix, String body) {
        ObjectNode event = mapper.createObjectNode();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                event.put(lower.substring(prefix.length()), value);
            }
        });
        event.putIfAbsent("datacontenttype", event.textNode("application/json"));
        event.set("data", structured(body));
        return event;
    }
}
