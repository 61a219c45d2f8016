package io.limber.routine.plan;

import io.limber.platform.access.Caller;
import io.limber.platform.access.PersonalDataAccess;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One person's plan: clinicians create or replace it, pause, resume and end it; the person themself and clinicians
 * read it and its history.
 */
@Path("/users/{userId}/plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
public class PlanResource {

    static final String PLAN_EXAMPLE = """
            {"userId":"3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10","version":1,"status":"active","timeZone":"Europe/Amsterdam",
             "localTime":"20:30","schedule":{"daysOfWeek":["MONDAY","WEDNESDAY","FRIDAY"]},"startDate":"2026-11-02",
             "endDate":null,"quietHours":{"start":"22:00","end":"07:00"},"reviewRequested":false,
             "publishedAt":"2026-11-02T18:30:00Z","change":"created",
             "routines":[{"routineId":"lower-back-stretches","routineVersion":1,"core":false,
               "holds":[{"exerciseId":"knees-to-chest","position":"both","seconds":60}]}]}""";
    static final String PROBLEM_EXAMPLE = """
            {"title":"Invalid input","status":400,"detail":"timeZone: unknown time zone 'Mars/Olympus': use an IANA time zone such as Europe/Amsterdam",
             "violations":[{"field":"timeZone","reason":"unknown time zone 'Mars/Olympus': use an IANA time zone such as Europe/Amsterdam"}]}""";

    private final PlanService service;
    private final Caller caller;

    public PlanResource(PlanService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace the person's plan",
            description = "Every change is a new version, published on the plans topic. routineVersion may be left out "
                    + "(the newest); schedule is either daysOfWeek or timesPerWeek; quietHours default to 22:00-07:00.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "stretches three evenings a week", value = """
            {"routines":[{"routineId":"lower-back-stretches","routineVersion":1},
                         {"routineId":"core-strength","repetitions":{"bridge":{"sets":3,"reps":12}}}],
             "schedule":{"daysOfWeek":["MONDAY","WEDNESDAY","FRIDAY"]},"localTime":"20:30",
             "timeZone":"Europe/Amsterdam","startDate":"2026-11-02","endDate":"2027-02-28"}""")))
    @APIResponse(responseCode = "201", description = "Created (version 1)",
            content = @Content(examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced (next version)",
            content = @Content(examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Refused; nothing stored or published",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "unknown time zone", value = PROBLEM_EXAMPLE)))
    @RolesAllowed(PersonalDataAccess.CLINICIAN)
    public Uni<Response> createOrReplace(@PathParam("userId") String userId, PlanRequest request) {
        return service.createOrReplace(UserIds.require(userId), request)
                .map(plan -> Response.status(plan.version() == 1 ? 201 : 200).entity(PlanMapper.toData(plan)).build());
    }

    @GET
    @Operation(summary = "The current plan")
    @APIResponse(responseCode = "200", description = "The current version",
            content = @Content(examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No plan for this person")
    @APIResponse(responseCode = "403", description = "A patient asking for someone else's plan")
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN})
    public Uni<PlanData> current(@PathParam("userId") String userId) {
        caller.requireRead(userId);
        return service.current(UserIds.require(userId)).map(PlanMapper::toData);
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every version of the plan, oldest first")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(examples = @ExampleObject(name = "history", value = "[" + PLAN_EXAMPLE + "]")))
    @APIResponse(responseCode = "403", description = "A patient asking for someone else's plan")
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN})
    public Uni<List<PlanData>> history(@PathParam("userId") String userId) {
        caller.requireRead(userId);
        return service.history(UserIds.require(userId));
    }

    @POST
    @Path("/pause")
    @Operation(summary = "Pause an active plan (a new version)")
    @APIResponse(responseCode = "200", description = "Paused",
            content = @Content(examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The plan is not active")
    @RolesAllowed(PersonalDataAccess.CLINICIAN)
    public Uni<PlanData> pause(@PathParam("userId") String userId) {
        return service.pause(UserIds.require(userId)).map(PlanMapper::toData);
    }

    @POST
    @Path("/resume")
    @Operation(summary = "Resume a paused plan (a new version)")
    @APIResponse(responseCode = "200", description = "Active again",
            content = @Content(examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The plan is not paused")
    @RolesAllowed(PersonalDataAccess.CLINICIAN)
    public Uni<PlanData> resume(@PathParam("userId") String userId) {
        return service.resume(UserIds.require(userId)).map(PlanMapper::toData);
    }

    @POST
    @Path("/end")
    @Operation(summary = "End the plan (a new version)")
    @APIResponse(responseCode = "200", description = "Ended",
            content = @Content(examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The plan has already ended")
    @RolesAllowed(PersonalDataAccess.CLINICIAN)
    public Uni<PlanData> end(@PathParam("userId") String userId) {
        return service.end(UserIds.require(userId)).map(PlanMapper::toData);
    }
}
