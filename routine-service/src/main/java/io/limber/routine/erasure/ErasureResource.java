package io.limber.routine.erasure;

import io.limber.routine.plan.UserIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The right to erasure for one person. */
@Path("/users/{userId}")
@Tag(name = "erasure")
public class ErasureResource {

    private final ErasureService service;

    public ErasureResource(ErasureService service) {
        this.service = service;
    }

    @DELETE
    @Operation(summary = "Erase a person",
            description = "Removes their plans and care reviews and publishes a tombstone (null value) for their key on "
                    + "plans, so every consumer erases them too. Repeating it is harmless.")
    @APIResponse(responseCode = "204", description = "Erased here; the tombstone is on its way")
    public Uni<Response> erase(@PathParam("userId") String userId) {
        return service.erase(UserIds.require(userId)).map(ignored -> Response.noContent().build());
    }
}
