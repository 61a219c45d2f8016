package io.limber.session.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.limber.session.person.UserIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON Schemas of the events session-service owns (src/main/resources/events), by CloudEvents type. */
public final class EventSchemas {

    public static final String SESSION_STARTED = "limber.session.started";
    public static final String SESSION_COMPLETED = "limber.session.completed";
    public static final String SESSION_PAIN_STOPPED = "limber.session.pain-stopped";
    public static final String PAIN_REPORTED = "limber.pain.reported";
    public static final String ADHERENCE_UPDATED = "limber.adherence.updated";

    /** The client event types, in the order the contract lists them. */
    public static final List<String> CLIENT_TYPES = List.of(SESSION_STARTED, SESSION_COMPLETED, SESSION_PAIN_STOPPED,
            PAIN_REPORTED);

    private static final Map<String, String> FILES = Map.of(
            SESSION_STARTED, "session-started",
            SESSION_COMPLETED, "session-completed",
            SESSION_PAIN_STOPPED, "session-pain-stopped",
            PAIN_REPORTED, "pain-reported",
            ADHERENCE_UPDATED, "adherence-updated");

    private final Map<String, JsonSchema> schemas;

    public EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
        this.schemas = Map.copyOf(FILES.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> load(factory, config, e.getValue()))));
    }

    /** Everything wrong with the event, first the envelope's type; empty when it is valid. */
    public List<Violation> violations(JsonNode event) {
        if (event == null || !event.isObject()) {
            return List.of(new Violation("$", "a CloudEvent must be a JSON object"));
        }
        JsonNode type = event.get("type");
        JsonSchema schema = type == null ? null : schemas.get(type.asText());
        if (schema == null) {
            return List.of(new Violation("$.type",
                    type == null ? "required" : "unknown type " + quoted(type.asText())));
        }
        Set<ValidationMessage> messages = schema.validate(event);
        List<Violation> violations = new ArrayList<>();
        messages.forEach(m -> violations.add(new Violation(field(m), reason(m))));
        nulCharacters(event, "$", violations);
        violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::reason));
        return List.copyOf(violations);
    }

    /**
     * A NUL character is valid JSON but cannot be stored in PostgreSQL text: an event carrying one would be retried
     * forever as if the database were down, holding up its partition. It is refused like any other bad value.
     */
    private static void nulCharacters(JsonNode node, String path, List<Violation> violations) {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            violations.add(new Violation(path, "must not contain a NUL character"));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> nulCharacters(f.getValue(), path + "." + f.getKey(), violations));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nulCharacters(node.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    /**
     * Everything that keeps a client event (session-events, the HTTP ingress) out: its schema (user-id syntax
     * included), then a type clients may send, then design.md's event-time bounds against {@code now}. Empty when
     * it may be stored.
     */
    public List<Violation> clientEventViolations(JsonNode event, java.time.Instant now) {
        List<Violation> violations = violations(event);
        if (!violations.isEmpty()) {
            return violations;
        }
        String type = event.get("type").asText();
        if (!isClientType(type)) {
            return List.of(new Violation("$.type", "not a client event type " + quoted(type)));
        }
        // the schema's pattern says the same, but Java reads its '$' as also matching before a final line break
        if (!UserIds.isValid(event.path("data").path("userId").asText(null))) {
            return List.of(new Violation("$.data.userId", UserIds.RULE));
        }
        Violation time = EventTimeBounds.refusal(java.time.Instant.parse(event.get("time").asText()), now);
        return time == null ? List.of() : List.of(time);
    }

    public boolean isClientType(String type) {
        return CLIENT_TYPES.contains(type);
    }

    /**
     * A value a client chose (a type name), safe to put in a log line, a dead letter's header or an error body:
     * quoted, control and format characters escaped (no forged log lines), at most 80 characters.
     */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(80).forEach(c -> {
            int kind = Character.getType(c);
            if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.LINE_SEPARATOR
                    || kind == Character.PARAGRAPH_SEPARATOR || kind == Character.SURROGATE || c == '\'') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(value.codePointCount(0, value.length()) > 80 ? "…'" : "'").toString();
    }

    /** A missing property is named itself, not its parent object. */
    private static String field(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        return "required".equals(message.getType()) && message.getProperty() != null
                ? location + "." + message.getProperty() : location;
    }

    private static String reason(ValidationMessage message) {
        String text = message.getMessage();
        String location = message.getInstanceLocation().toString();
        return text.startsWith(location + ": ") ? text.substring(location.length() + 2) : text;
    }

    private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String name) {
        String resource = "/events/" + name + ".schema.json";
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
