package io.limber.platform.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The one reader and writer of Limber's CloudEvents envelope, for every service, through the official CloudEvents
 * Java SDK. Whatever form a producer chose (Kafka structured or binary mode, HTTP structured, batch or binary mode),
 * a consumer gets the same thing: the event in its structured JSON form ({@code specversion}, {@code id}, ...,
 * {@code data}), so the form never changes what happens next.
 *
 * <p>A Kafka record without a {@code content-type} header and without {@code ce_} headers is read as structured mode:
 * Kafka's own console producer and most hand-written producers cannot set headers, and the whole event is then the
 * value. Reasons for refusal name the attribute or the place, never what the input said there (it may hold a
 * person's id or a note).
 */
public final class CloudEventEnvelope {

    /** Structured mode's media type (Kafka {@code content-type} header, HTTP {@code Content-Type}). */
    public static final String STRUCTURED = "application/cloudevents+json";
    /** The HTTP batch form: a JSON array of structured events. */
    public static final String BATCH = "application/cloudevents-batch+json";
    /** The Kafka header that carries the media type of the value. */
    public static final String CONTENT_TYPE_HEADER = "content-type";

    private static final Pattern MISSING = Pattern.compile("(?i)missing (?:mandatory |required )?([a-z0-9]{1,20}) attribute");
    private static final Pattern QUOTED_NAME = Pattern.compile("[\"'`]([a-z0-9]{1,20})[\"'`]");
    private static final Pattern PLAIN_NAME = Pattern.compile("(?i)(?:attribute|extensions? name|for)\\W+([a-z0-9]{1,20})");

    private final ObjectMapper mapper;
    private final JsonFormat json = new JsonFormat();

    public CloudEventEnvelope(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The form a Kafka record's producer chose. */
    public enum Form {
        STRUCTURED, BINARY
    }

    /** Which form a Kafka record is in, from its headers alone. */
    public static Form formOf(Headers headers) {
        return header(headers, "ce_specversion") != null ? Form.BINARY : Form.STRUCTURED;
    }

    /**
     * For logs and metrics about a record that could not be read: its {@code ce_<attribute>} header, else the
     * top-level attribute of its JSON value, else empty. Never used to decide what an event means.
     */
    public String attributeHint(Headers headers, String value, String attribute) {
        Header header = header(headers, "ce_" + attribute);
        if (header != null && header.value() != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        if (value == null) {
            return "";
        }
        try {
            JsonNode node = mapper.readTree(value);
            JsonNode found = node == null ? null : node.get(attribute);
            return found != null && found.isTextual() ? found.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The record's CloudEvents {@code type} without reading the whole event, for a consumer that acts on a few types
     * only and must keep up with all of them (the safety lane): the {@code ce_type} header in binary mode, else the
     * top-level {@code type} member of the JSON value, read by a streaming parser that stops there (nested objects are
     * skipped, not built). Empty when there is none or the value is not a JSON object: read the event then.
     */
    public String typeOf(Headers headers, String value) {
        Header header = header(headers, "ce_type");
        if (header != null && header.value() != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        if (value == null) {
            return "";
        }
        try (com.fasterxml.jackson.core.JsonParser parser = mapper.getFactory().createParser(value)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                com.fasterxml.jackson.core.JsonToken token = parser.nextToken();
                if ("type".equals(name)) {
                    return token == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? parser.getText() : "";
                }
                parser.skipChildren();
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    /** A Kafka record's event (structured or binary mode) in structured JSON form. */
    public JsonNode fromKafka(Headers headers, String value) {
        return fromKafka(headers, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** A Kafka record's event (structured or binary mode) in structured JSON form. */
    public JsonNode fromKafka(Headers headers, byte[] value) {
        if (value == null) {
            throw new NotACloudEvent("$", "no value: a tombstone is not an event");
        }
        boolean announced = header(headers, CONTENT_TYPE_HEADER) != null || formOf(headers) == Form.BINARY;
        if (!announced) {
            return toJson(structured(value));
        }
        return toJson(read(() -> KafkaMessageFactory.createReader(headers, value)));
    }

    /**
     * One event from an HTTP request: structured mode ({@code Content-Type: application/cloudevents+json}) or binary
     * mode ({@code ce-*} headers, the body is {@code data}). Header names in any case.
     */
    public JsonNode fromHttp(Map<String, String> headers, byte[] body) {
        return toJson(read(() -> HttpMessageFactory.createReader(headers, body == null ? new byte[0] : body)));
    }

    /** The events of an HTTP batch ({@code application/cloudevents-batch+json}): a JSON array of structured events. */
    public List<JsonNode> fromBatch(byte[] body) {
        JsonNode array = tree(body);
        if (!array.isArray()) {
            throw new NotACloudEvent("$", "a batch is a JSON array of structured events");
        }
        List<JsonNode> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                events.add(toJson(structured(mapper.writeValueAsBytes(array.get(i)))));
            } catch (JsonProcessingException e) {
                throw new NotACloudEvent(i, "$", "not valid JSON");
            } catch (NotACloudEvent e) {
                throw e.at(i);
            }
        }
        return events;
    }

    /** One structured-mode event from its JSON text (a Kafka value or an HTTP body). */
    public JsonNode fromStructured(byte[] value) {
        return toJson(structured(value));
    }

    /**
     * What every Limber producer puts on Kafka: the event (a record with the CloudEvents attributes and {@code data},
     * as the producer's JSON Schema describes it) built and written in structured mode by the SDK, which refuses an
     * event without id, source, type or a valid time. Send it with {@link #structuredHeaders()}.
     */
    public String write(Object event) {
        JsonNode node = mapper.valueToTree(event);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(node.path("id").asText(null))
                .withSource(URI.create(node.path("source").asText("")))
                .withType(node.path("type").asText(null));
        if (node.hasNonNull("time")) {
            builder.withTime(OffsetDateTime.parse(node.get("time").asText()));
        }
        if (node.hasNonNull("dataschema")) {
            builder.withDataSchema(URI.create(node.get("dataschema").asText()));
        }
        if (node.hasNonNull("subject")) {
            builder.withSubject(node.get("subject").asText());
        }
        builder.withDataContentType(node.path("datacontenttype").asText("application/json"));
        if (node.has("data")) {
            builder.withData(JsonCloudEventData.wrap(node.get("data")));
        }
        return new String(json.serialize(builder.build()), StandardCharsets.UTF_8);
    }

    /** The event as structured JSON text: what a producer writes as the Kafka value in structured mode. */
    public byte[] toStructured(CloudEvent event) {
        return json.serialize(event);
    }

    /** A builder for an event whose data is JSON; producers fill in id, source, type, time and subject. */
    public static CloudEventBuilder jsonEvent(JsonNode data) {
        return CloudEventBuilder.v1().withDataContentType("application/json").withData(JsonCloudEventData.wrap(data));
    }

    /** The headers a structured-mode Kafka record carries: {@code content-type: application/cloudevents+json}. */
    public static List<Header> structuredHeaders() {
        return List.of(new RecordHeader(CONTENT_TYPE_HEADER, STRUCTURED.getBytes(StandardCharsets.UTF_8)));
    }

    /** A CloudEvent in structured JSON form, the one shape every consumer reads. */
    public JsonNode toJson(CloudEvent event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", event.getSpecVersion().toString());
        node.put("id", event.getId());
        node.put("source", event.getSource().toString());
        node.put("type", event.getType());
        if (event.getDataContentType() != null) {
            node.put("datacontenttype", event.getDataContentType());
        }
        URI dataSchema = event.getDataSchema();
        if (dataSchema != null) {
            node.put("dataschema", dataSchema.toString());
        }
        if (event.getSubject() != null) {
            node.put("subject", event.getSubject());
        }
        OffsetDateTime time = event.getTime();
        if (time != null) {
            // UTC as Instant.toString writes it (fraction in groups of three, as Java and JavaScript producers do), so
            // a "...54.175349820Z" or "...00.120Z" reads back as sent; ISO_OFFSET_DATE_TIME would drop trailing zeros
            node.put("time", time.getOffset().equals(java.time.ZoneOffset.UTC) ? time.toInstant().toString()
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        }
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            if (value instanceof Number || value instanceof Boolean) {
                node.set(name, mapper.valueToTree(value));
            } else {
                node.put(name, String.valueOf(value));
            }
        }
        CloudEventData data = event.getData();
        if (data instanceof JsonCloudEventData jsonData) {
            node.set("data", jsonData.getNode());
        } else if (data != null) {
            node.set("data", dataTree(data.toBytes()));
        }
        return node;
    }

    private CloudEvent structured(byte[] value) {
        CloudEvent event;
        try {
            event = json.deserialize(value);
        } catch (RuntimeException e) {
            throw refusal(e);
        }
        return present(event);
    }

    private CloudEvent read(java.util.function.Supplier<MessageReader> reader) {
        CloudEvent event;
        try {
            event = reader.get().toEvent();
        } catch (RuntimeException e) {
            throw refusal(e);
        }
        return present(event);
    }

    /** The SDK answers the JSON literal {@code null} (and an empty body) with no event rather than an error. */
    private static CloudEvent present(CloudEvent event) {
        if (event == null) {
            throw new NotACloudEvent("$", "a CloudEvent is a JSON object");
        }
        return event;
    }

    private JsonNode tree(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new NotACloudEvent("$", "not valid JSON: empty body");
            }
            return node;
        } catch (IOException e) {
            throw new NotACloudEvent("$", notJson(e));
        }
    }

    private JsonNode dataTree(byte[] bytes) {
        try {
            JsonNode node = bytes.length == 0 ? null : mapper.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new NotACloudEvent("$.data", "empty");
            }
            return node;
        } catch (IOException e) {
            throw new NotACloudEvent("$.data", notJson(e));
        }
    }

    /** Why an envelope is refused, naming the attribute the SDK objected to but never quoting the input. */
    static NotACloudEvent refusal(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotACloudEvent refused) {
                return refused;
            }
            if (cause instanceof io.cloudevents.rw.CloudEventRWException rw) {
                if (rw.getKind() == io.cloudevents.rw.CloudEventRWException.CloudEventRWExceptionKind.UNKNOWN_ENCODING) {
                    return new NotACloudEvent("$", "not a CloudEvent: neither structured mode (content-type "
                            + STRUCTURED + ") nor binary mode (ce_specversion and the other ce_ attributes)");
                }
                if (rw.getKind() == io.cloudevents.rw.CloudEventRWException.CloudEventRWExceptionKind.INVALID_SPEC_VERSION) {
                    return new NotACloudEvent("$.specversion", "must be 1.0");
                }
            }
            if (cause instanceof com.fasterxml.jackson.core.exc.StreamReadException syntax
                    && !(cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException)) {
                return new NotACloudEvent("$", notJson(syntax));
            }
            if (cause instanceof JsonProcessingException shape) {
                // the SDK's own complaint about the event's shape, without Jackson's location and source excerpt
                message = shape.getOriginalMessage() == null ? "" : shape.getOriginalMessage();
            }
        }
        if (message.toLowerCase(Locale.ROOT).contains("specversion")) {
            return new NotACloudEvent("$.specversion", "must be 1.0");
        }
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            return new NotACloudEvent("$." + missing.group(1).toLowerCase(Locale.ROOT), "required");
        }
        String attribute = attributeNamed(message);
        if (attribute != null) {
            return new NotACloudEvent("$." + attribute, "not valid for a CloudEvent");
        }
        return new NotACloudEvent("$", "not a valid CloudEvent (" + failure.getClass().getSimpleName() + ")");
    }

    private static String attributeNamed(String message) {
        Matcher quoted = QUOTED_NAME.matcher(message);
        if (quoted.find()) {
            return quoted.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher plain = PLAIN_NAME.matcher(message);
        return plain.find() ? plain.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Where the text stops being JSON, never what it says there. */
    static String notJson(IOException e) {
        JsonLocation at = e instanceof JsonProcessingException parse ? parse.getLocation() : null;
        return at == null ? "not valid JSON" : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static Header header(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header found = headers.lastHeader(name);
        if (found == null) {
            for (Header h : headers) {
                if (h.key().equalsIgnoreCase(name)) {
                    found = h;
                }
            }
        }
        return found;
    }
}
