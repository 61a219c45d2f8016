package io.limber.reminder.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.reminder.messaging.NotJson;
import io.limber.reminder.messaging.Retry;
import io.limber.reminder.nudge.NudgeMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code session-events}; what cannot be read goes to {@code session-events.dlq} with the reason. */
@ApplicationScoped
public class SessionEventConsumer {

    private static final Set<String> OURS = Set.of(SessionService.STARTED, SessionService.COMPLETED,
            SessionService.PAIN_STOPPED, SessionService.PAIN_REPORTED);

    private final ObjectMapper mapper;
    private final SessionService service;
    private final NudgeMetrics metrics;

    public SessionEventConsumer(ObjectMapper mapper, SessionService service, NudgeMetrics metrics) {
        this.mapper = mapper;
        this.service = service;
        this.metrics = metrics;
    }

    @Incoming("session-events")
    public Uni<Void> consume(String json) {
        return Retry.consumed("session-events", metrics, Uni.createFrom().deferred(() -> handle(json)));
    }

    private Uni<Void> handle(String json) {
        JsonNode event;
        try {
            event = mapper.readTree(json);
        } catch (IOException e) {
            return Uni.createFrom().failure(new NotJson(e));
        }
        String type = event == null ? "" : event.path("type").asText();
        if (!OURS.contains(type)) {
            return Uni.createFrom().voidItem();
        }
        Log.debugf("%s event %s received", type, event.path("id").asText());
        return Uni.createFrom().deferred(() -> service.onEvent(type, event));
    }
}
