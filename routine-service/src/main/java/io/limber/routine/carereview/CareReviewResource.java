package io.limber.routine.carereview;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Care reviews requested for one person. */
@Path("/users/{userId}/care-reviews")
@Produces(MediaType.APPLICATION_JSON)
public class CareReviewResource {

    private final CareReviewService service;

    public CareReviewResource(CareReviewService service) {
        this.service = service;
    }

    /** One care review as the API shows it. */
    public record CareReviewView(String eventId, String reason, boolean urgent, Instant requestedAt) {
    }

    @GET
    public Uni<List<CareReviewView>> list(@PathParam("userId") String userId) {
        return service.forUser(userId).map(reviews -> reviews.stream()
                .map(r -> new CareReviewView(r.eventId, r.reason, r.urgent, r.requestedAt))
                .toList());
    }
}
