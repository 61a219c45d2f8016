package io.limber.contract;

import io.limber.local.testing.CloudEventForms;
import java.util.Arrays;
import java.util.List;

/**
 * Every form in which the contract lets an event reach its consumers: the three Kafka forms any producer may use,
 * and, for client events, the three request forms of session-service's HTTP ingress ({@code POST /events}).
 */
enum Form {
    KAFKA_STRUCTURED("Kafka structured", CloudEventForms.Form.STRUCTURED),
    KAFKA_BINARY("Kafka binary", CloudEventForms.Form.BINARY),
    KAFKA_NO_HEADERS("Kafka structured, no headers", CloudEventForms.Form.STRUCTURED_WITHOUT_HEADERS),
    HTTP_STRUCTURED("HTTP structured", null),
    HTTP_BATCH("HTTP batch", null),
    HTTP_BINARY("HTTP binary", null);

    /** The topic client apps write to, directly or through the HTTP ingress. */
    static final String CLIENT_TOPIC = "session-events";

    final String label;
    final CloudEventForms.Form kafka;

    Form(String label, CloudEventForms.Form kafka) {
        this.label = label;
        this.kafka = kafka;
    }

    boolean isHttp() {
        return kafka == null;
    }

    /** The forms an event on this topic may take: the HTTP ones only where the ingress writes. */
    static List<Form> on(String topic) {
        return Arrays.stream(values()).filter(f -> !f.isHttp() || CLIENT_TOPIC.equals(topic)).toList();
    }

    /** A short tag for user ids. */
    String tag() {
        return switch (this) {
            case KAFKA_STRUCTURED -> "ks";
            case KAFKA_BINARY -> "kb";
            case KAFKA_NO_HEADERS -> "kn";
            case HTTP_STRUCTURED -> "hs";
            case HTTP_BATCH -> "hb";
            case HTTP_BINARY -> "hy";
        };
    }
}
