package io.limber.reminder.messaging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvent type of a Kafka record, read without reading the event: the {@code ce_type} header (binary mode),
 * else the top-level {@code type} field of the JSON (structured mode), with a streaming parser that stops there and
 * skips whatever comes before it unparsed. Empty when there is none or the value is not JSON.
 */
public final class CloudEventType {

    public static final String HEADER = "ce_type";

    private static final JsonFactory JSON = new JsonFactory();

    private CloudEventType() {
    }

    public static String of(Headers headers, String value) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        if (header != null && header.value() != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        return value == null ? "" : fromJson(value);
    }

    static String fromJson(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("type".equals(field)) {
                    return token == JsonToken.VALUE_STRING ? parser.getText() : "";
                }
                parser.skipChildren();
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }
}
