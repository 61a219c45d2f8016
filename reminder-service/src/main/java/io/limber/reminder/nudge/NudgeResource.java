package io.limber.reminder.nudge;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The nudges a person has been sent, oldest first. */
@Path("/users/{userId}/nudges")
@Produces(MediaType.APPLICATION_JSON)
public class NudgeResource {

    /** One nudge as the API shows it. */
    public record NudgeView(String id, String kind, String title, String body, String priority, Instant createdAt) {
    }

    @GET
    @WithSession
    public Uni<List<NudgeView>> list(@PathParam("userId") String userId) {
        return Nudge.<Nudge>list("userId = ?1 order by createdAt", userId).map(nudges -> nudges.stream()
                .map(n -> new NudgeView(n.id, n.kind, n.title, n.body, n.priority, n.createdAt))
                .toList());
    }
}
