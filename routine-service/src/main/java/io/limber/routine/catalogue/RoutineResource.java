package io.limber.routine.catalogue;

import io.limber.platform.access.PersonalDataAccess;
import io.limber.routine.validation.InvalidInputException;
import io.limber.routine.validation.NotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The routine catalogue: read by every role, extended by admins. */
@Path("/routines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalogue")
public class RoutineResource {

    static final String ROUTINE_EXAMPLE = """
            {"routineId":"core-strength","version":1,"builtIn":true,"title":"Core strength","core":true,
             "purpose":"Prevention: a stronger core protects the lower back.","timeOfDay":["after-workout"],
             "timeOfDayHint":"After a workout, or any time you are warmed up.",
             "caution":"Stop if the pain is sharp and unlike normal exercise, and call your doctor.",
             "exercises":[{"exerciseId":"plank","name":"Plank","cues":["Forearms under the shoulders."],
               "easierOption":"On your knees instead of your toes.",
               "holds":[{"position":"set-1","seconds":60,"restSecondsAfter":15},
                        {"position":"set-2","seconds":60,"restSecondsAfter":15},
                        {"position":"set-3","seconds":60,"restSecondsAfter":15}]},
              {"exerciseId":"bridge","name":"Bridge","cues":["Lie on your back, knees bent, feet flat."],
               "easierOption":"Lift only halfway.","repetitions":{"sets":2,"reps":10}}]}""";

    private final CatalogueService service;

    public RoutineResource(CatalogueService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The newest version of every routine")
    @APIResponse(responseCode = "200", description = "The routines",
            content = @Content(examples = @ExampleObject(name = "catalogue", value = "[" + ROUTINE_EXAMPLE + "]")))
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN, PersonalDataAccess.ADMIN})
    public Uni<List<Routine>> latest() {
        return service.catalogue().map(Catalogue::latestVersions);
    }

    @GET
    @Path("/{routineId}")
    // its own operationId: the strategy would name it after the method, which the catalogue's latest() shares
    @Operation(operationId = "latestRoutine", summary = "The newest version of one routine")
    @APIResponse(responseCode = "200", description = "The routine",
            content = @Content(examples = @ExampleObject(name = "core strength", value = ROUTINE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No routine with this id")
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN, PersonalDataAccess.ADMIN})
    public Uni<Routine> latest(@PathParam("routineId") String routineId) {
        return service.catalogue().map(c -> c.latest(routineId)
                .orElseThrow(() -> new NotFoundException("routineId", "unknown routine '" + routineId + "'")));
    }

    @GET
    @Path("/{routineId}/versions")
    @Operation(summary = "Every version of one routine, oldest first")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(examples = @ExampleObject(name = "versions", value = "[" + ROUTINE_EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "No routine with this id")
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN, PersonalDataAccess.ADMIN})
    public Uni<List<Routine>> versions(@PathParam("routineId") String routineId) {
        return service.catalogue().map(c -> {
            List<Routine> versions = c.versionsOf(routineId);
            if (versions.isEmpty()) {
                throw new NotFoundException("routineId", "unknown routine '" + routineId + "'");
            }
            return versions;
        });
    }

    @GET
    @Path("/{routineId}/versions/{version}")
    @Operation(summary = "One version of one routine, as plans that reference it see it")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(examples = @ExampleObject(name = "core strength v1", value = ROUTINE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such routine or version")
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN, PersonalDataAccess.ADMIN})
    public Uni<Routine> version(@PathParam("routineId") String routineId, @PathParam("version") int version) {
        return service.catalogue().map(c -> c.find(routineId, version)
                .orElseThrow(() -> new NotFoundException("version",
                        "unknown version " + version + " of routine '" + routineId + "'")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a routine (admins)",
            description = "Stores version 1 of a new routine id, or the next version of an existing one; plans keep "
                    + "the version they reference. Holds 5–600 s, at least one exercise, exercise ids unique.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "wall-sit", value = """
            {"routineId":"wall-sit","title":"Wall sit","core":true,"caution":"Stop if the pain is sharp.",
             "exercises":[{"exerciseId":"wall-sit","name":"Wall sit","cues":["Back flat on the wall"],
               "holds":[{"position":"set-1","seconds":30,"restSecondsAfter":30}]}]}""")))
    @APIResponse(responseCode = "201", description = "Stored; Location names the new version",
            content = @Content(examples = @ExampleObject(name = "stored", value = ROUTINE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A rule is broken; every violation names its field",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "hold too long", value = """
                    {"title":"Invalid input","status":400,"detail":"exercises[0].holds[0].seconds: must be between 5 and 600, was 900",
                     "violations":[{"field":"exercises[0].holds[0].seconds","reason":"must be between 5 and 600, was 900"}]}""")))
    @RolesAllowed(PersonalDataAccess.ADMIN)
    public Uni<Response> add(RoutineDefinition definition) {
        if (definition == null) {
            throw new InvalidInputException("body", "a routine is required");
        }
        return service.add(definition).map(r -> Response
                .created(URI.create("/routines/" + r.routineId() + "/versions/" + r.version()))
                .entity(r).build());
    }
}
