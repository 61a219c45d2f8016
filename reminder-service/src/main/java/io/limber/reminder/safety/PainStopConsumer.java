package io.limber.reminder.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.limber.reminder.rules.PainStop;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code session-events} and hands every pain-stop to the safety path; other types are not ours yet. */
@ApplicationScoped
public class PainStopConsumer {

    static final String PAIN_STOPPED = "limber.session.pain-stopped";

    private final ObjectMapper mapper;
    private final SafetyService service;

    public PainStopConsumer(ObjectMapper mapper, SafetyService service) {
        this.mapper = mapper;
        this.service = service;
    }

    @Incoming("session-events")
    public Uni<Void> consume(String json) {
        JsonNode event;
        try {
            event = mapper.readTree(json);
        } catch (IOException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not valid JSON: " + e.getMessage()));
        }
        if (event == null || !PAIN_STOPPED.equals(event.path("type").asText())) {
            return Uni.createFrom().voidItem();
        }
        JsonNode data = event.path("data");
        if (event.path("id").asText().isEmpty() || data.path("userId").asText().isEmpty()
                || !data.path("pain").isInt()) {
            return Uni.createFrom().failure(new IllegalArgumentException("pain-stop needs id, data.userId and data.pain"));
        }
        List<String> redFlags = new ArrayList<>();
        data.path("redFlags").forEach(flag -> redFlags.add(flag.asText()));
        PainStop stop = new PainStop(event.path("id").asText(), data.path("userId").asText(),
                data.path("routineId").asText(null), data.path("exerciseId").asText(null),
                data.path("pain").asInt(), data.path("sharp").asBoolean(false), redFlags,
                Instant.parse(event.path("time").asText(Instant.EPOCH.toString())));
        Log.infof("pain-stop event %s received", stop.eventId());
        return service.onPainStop(stop);
    }
}
