package io.limber.session.event;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The session events accepted for one person, oldest first. */
@Path("/users/{userId}/session-events")
@Produces(MediaType.APPLICATION_JSON)
public class SessionEventResource {

    private final SessionEventService service;

    public SessionEventResource(SessionEventService service) {
        this.service = service;
    }

    /** One accepted event as the API shows it. */
    public record SessionEventView(String eventId, String type, String sessionId, Instant time) {
    }

    @GET
    public Uni<List<SessionEventView>> list(@PathParam("userId") String userId) {
        return service.forUser(userId).map(events -> events.stream()
                .map(e -> new SessionEventView(e.eventId, e.type, e.sessionId, e.occurredAt))
                .toList());
    }
}
