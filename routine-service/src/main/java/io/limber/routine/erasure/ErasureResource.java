package io.limber.routine.erasure;

import io.limber.platform.access.Caller;
import io.limber.platform.access.PersonalDataAccess;
import io.limber.routine.plan.UserIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The right to erasure for one person: asked by the person themself, or by an admin. */
@Path("/users/{userId}")
@Tag(name = "erasure")
public class ErasureResource {

    private final ErasureService service;
    private final Caller caller;

    public ErasureResource(ErasureService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @DELETE
    @Operation(summary = "Erase a person",
            description = "Removes their plans and care reviews and publishes a tombstone (null value) for their key on "
                    + "plans, so every consumer erases them too. Repeating it is harmless.")
    @APIResponse(responseCode = "204", description = "Erased here; the tombstone is on its way")
    @APIResponse(responseCode = "403", description = "A patient asking to erase someone else")
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.ADMIN})
    public Uni<Response> erase(@PathParam("userId") String userId) {
        caller.requireErase(userId);
        return service.erase(UserIds.require(userId)).map(ignored -> Response.noContent().build());
    }
}
