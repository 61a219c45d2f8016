package io.limber.routine.carereview;

import io.limber.platform.access.PersonalDataAccess;
import io.limber.routine.validation.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Care reviews for clinicians: the open ones, and closing one. */
@RolesAllowed(PersonalDataAccess.CLINICIAN)
@Path("/care-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "care reviews")
public class OpenCareReviewResource {

    static final int MAX_RESOLUTION = 2_000;

    private final CareReviewService service;

    public OpenCareReviewResource(CareReviewService service) {
        this.service = service;
    }

    /** A professional's decision on a review. */
    public record CloseRequest(String resolution, boolean resumePlan) {
    }

    @GET
    @Path("/open")
    @Operation(summary = "Open care reviews for professionals, urgent ones first")
    @APIResponse(responseCode = "200", description = "The open reviews",
            content = @Content(examples = @ExampleObject(name = "reviews", value = "[" + CareReviewResource.REVIEW_EXAMPLE + "]")))
    public Uni<List<CareReviewResource.CareReviewView>> open() {
        return service.open().map(reviews -> reviews.stream().map(CareReviewResource.CareReviewView::of).toList());
    }

    @POST
    @Path("/{reviewId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a care review",
            description = "Clears the plan's review flag when no other review is open; resumePlan=true also resumes a "
                    + "paused plan (refused while another urgent review is open). Any plan change is a new version.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "resume", value = """
            {"resolution":"Seen in clinic; no red flags. Resume gently.","resumePlan":true}""")))
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(examples = @ExampleObject(name = "closed", value = CareReviewResource.REVIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such review")
    @APIResponse(responseCode = "409", description = "Already closed, or another urgent review is open")
    public Uni<CareReviewResource.CareReviewView> close(@PathParam("reviewId") long reviewId, CloseRequest request) {
        CloseRequest decision = request == null ? new CloseRequest(null, false) : request;
        if (decision.resolution() != null && decision.resolution().length() > MAX_RESOLUTION) {
            throw new InvalidInputException("resolution", "at most " + MAX_RESOLUTION + " characters");
        }
        return service.close(reviewId, decision.resolution(), decision.resumePlan()).map(CareReviewResource.CareReviewView::of);
    }
}
