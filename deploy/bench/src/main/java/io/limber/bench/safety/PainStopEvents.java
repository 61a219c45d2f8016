package io.limber.bench.safety;

import java.time.Instant;

/**
 * A sharp pain-stop (pain 8) as a client app writes it, in structured JSON (the benchmark sends it in each Kafka mode):
 * reminder-service answers it with a safety nudge.
 */
final class PainStopEvents {

    private PainStopEvents() {
    }

    static String sharp(String eventId, String userId, Instant now) {
        Instant started = now.minusSeconds(120);
        return """
                {"specversion":"1.0","id":"%1$s","source":"/clients/bench","type":"limber.session.pain-stopped",\
                "time":"%3$s","datacontenttype":"application/json","data":{"userId":"%2$s","sessionId":"s-%1$s",\
                "routineId":"lower-back-stretches","routineVersion":1,"startedAt":"%4$s",\
                "exerciseId":"forward-fold","pain":8,"sharp":true,"redFlags":[]}}"""
                .formatted(eventId, userId, now, started);
    }
}
