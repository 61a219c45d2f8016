package io.limber.session.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code session-events}; what it cannot accept goes to {@code session-events.dlq} with the reason. */
@ApplicationScoped
public class SessionEventConsumer {

    private final ObjectMapper mapper;
    private final SessionEventService service;

    public SessionEventConsumer(ObjectMapper mapper, SessionEventService service) {
        this.mapper = mapper;
        this.service = service;
    }

    @Incoming("session-events")
    public Uni<Void> consume(String json) {
        ClientEvent event;
        try {
            event = mapper.readValue(json, ClientEvent.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage()));
        }
        String rejection = event.rejection();
        if (rejection != null) {
            return Uni.createFrom().failure(new IllegalArgumentException(rejection));
        }
        Log.debugf("session event %s (%s) received", event.id(), event.type());
        return service.accept(event).replaceWithVoid();
    }
}
