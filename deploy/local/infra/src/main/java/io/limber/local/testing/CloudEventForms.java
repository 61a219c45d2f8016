package io.limber.local.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.limber.platform.events.CloudEventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Every form in which the contract lets a producer put one CloudEvent on Kafka or send it over HTTP, written with the
 * official CloudEvents SDK from the event's structured JSON (a producer's example, say). Consumer tests send each
 * event in each form and expect the same effect: {@code for (Form form : Form.values())}.
 */
public final class CloudEventForms {

    private static final JsonFormat JSON = new JsonFormat();

    private CloudEventForms() {
    }

    /** How the event travels on Kafka. */
    public enum Form {
        /** The whole event is the value, announced by {@code content-type: application/cloudevents+json}. */
        STRUCTURED,
        /** Attributes in {@code ce_*} headers, the value is {@code data}, {@code content-type} its media type. */
        BINARY,
        /** The whole event is the value and there are no headers, as Kafka's console producer or kcat send it. */
        STRUCTURED_WITHOUT_HEADERS
    }

    /**
     * The event as a consumer reads it, for a test's own judgement of a structured document: the CloudEvents JSON
     * format (1.0.2, section 3.1) says an attribute whose value is {@code null} is unset, and the SDK reads it so.
     * Returns a copy; anything but an object is returned as is.
     */
    public static com.fasterxml.jackson.databind.JsonNode withNullAttributesUnset(
            com.fasterxml.jackson.databind.JsonNode event) {
        if (!(event instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
            return event;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = object.deepCopy();
        List<String> unset = new ArrayList<>();
        copy.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                unset.add(f.getKey());
            }
        });
        copy.remove(unset);
        return copy;
    }

    /** The record a producer in that form would send; the value is UTF-8 text as in every Limber topic. */
    public static ProducerRecord<String, String> record(String topic, String key, String structuredJson, Form form) {
        return switch (form) {
            case STRUCTURED -> new ProducerRecord<>(topic, null, key, structuredJson,
                    CloudEventEnvelope.structuredHeaders());
            case STRUCTURED_WITHOUT_HEADERS -> new ProducerRecord<>(topic, key, structuredJson);
            case BINARY -> {
                ProducerRecord<String, byte[]> binary = KafkaMessageFactory.<String>createWriter(topic, key)
                        .writeBinary(event(structuredJson));
                List<Header> headers = new ArrayList<>();
                binary.headers().forEach(headers::add);
                yield new ProducerRecord<>(topic, null, key,
                        binary.value() == null ? null : new String(binary.value(), StandardCharsets.UTF_8), headers);
            }
        };
    }

    /** The HTTP headers and body of the event in HTTP binary mode ({@code ce-*} headers, the body is data). */
    public static HttpBinary httpBinary(String structuredJson) {
        Map<String, String> headers = new TreeMap<>();
        StringBuilder body = new StringBuilder();
        io.cloudevents.http.HttpMessageFactory.createWriter(headers::put,
                bytes -> body.append(new String(bytes, StandardCharsets.UTF_8))).writeBinary(event(structuredJson));
        return new HttpBinary(headers, body.toString());
    }

    /** An event in HTTP binary mode. */
    public record HttpBinary(Map<String, String> headers, String body) {
    }

    private static CloudEvent event(String structuredJson) {
        return JSON.deserialize(structuredJson.getBytes(StandardCharsets.UTF_8));
    }
}
