package io.limber.routine.carereview;

import io.limber.platform.access.PersonalDataAccess;
import io.limber.routine.plan.UserIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The care reviews requested for one person, for clinicians. */
@RolesAllowed(PersonalDataAccess.CLINICIAN)
@Path("/users/{userId}/care-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "care reviews")
public class CareReviewResource {

    static final String REVIEW_EXAMPLE = """
            {"reviewId":7,"userId":"8a1d7b52-5e0f-4c3a-b9a2-7c4e1f2d3b60",
             "eventId":"8a1d7b52-5e0f-4c3a-b9a2-7c4e1f2d3b60:care-review:red-flag:1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
             "reason":"red-flag","urgent":true,"requestedAt":"2026-11-22T18:12:01Z","status":"open",
             "closedAt":null,"resolution":null}""";

    private final CareReviewService service;

    public CareReviewResource(CareReviewService service) {
        this.service = service;
    }

    /** One care review as the API shows it. */
    public record CareReviewView(long reviewId, String userId, String eventId, String reason, boolean urgent,
                                 Instant requestedAt, String status, Instant closedAt, String resolution) {

        static CareReviewView of(CareReview r) {
            return new CareReviewView(r.id, r.userId, r.eventId, r.reason, r.urgent, r.requestedAt, r.status,
                    r.closedAt, r.resolution);
        }
    }

    @GET
    @Operation(summary = "Every care review requested for a person, oldest first")
    @APIResponse(responseCode = "200", description = "The reviews",
            content = @Content(examples = @ExampleObject(name = "reviews", value = "[" + REVIEW_EXAMPLE + "]")))
    public Uni<List<CareReviewView>> list(@PathParam("userId") String userId) {
        return service.forUser(UserIds.require(userId)).map(reviews -> reviews.stream().map(CareReviewView::of).toList());
    }
}
