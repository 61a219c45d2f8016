package io.limber.reminder.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.limber.reminder.person.UserIds;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * What every client event on {@code session-events} must satisfy before it may change anything here, whatever form
 * it came in: a user id of the shared syntax, the Kafka key equal to it, and a time within the shared bounds
 * (design.md "Identifiers" and "Event time"). Refusals are {@link IllegalArgumentException}s naming the field, so the
 * channel dead-letters them with that reason.
 */
public final class ClientEventCheck {

    private ClientEventCheck() {
    }

    public static void require(JsonNode event, String key, Instant now) {
        String userId = event.path("data").path("userId").asText("");
        if (!UserIds.isValid(userId)) {
            throw new IllegalArgumentException("$.data." + UserIds.RULE);
        }
        if (key != null && !key.equals(userId)) {
            throw new IllegalArgumentException("key: the Kafka key must be data.userId");
        }
        Instant time;
        try {
            time = Instant.parse(event.path("time").asText(""));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("$.time: required, an RFC 3339 timestamp");
        }
        String refusal = EventTimeBounds.refusal(time, now);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }
}
