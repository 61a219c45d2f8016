package io.limber.session.adherence.rest;

import io.limber.platform.access.Caller;
import io.limber.platform.access.PersonalDataAccess;
import io.limber.session.person.UserIds;
import io.limber.session.adherence.CohortAdherence;
import io.limber.session.adherence.service.AdherenceQueries;
import io.limber.session.contract.AdherenceUpdated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A person's adherence snapshot, and the cohort's, as the last recomputation left them. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AdherenceResource {

    static final String ADHERENCE_EXAMPLE = """
            {"userId":"3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10","asOf":"2026-11-22","timeZone":"Europe/Amsterdam",
             "planVersion":3,"lastSessionEventAt":"2026-11-22T07:45:00Z","sessionAdherence7":0.8,
             "sessionAdherence14":0.83,"sessionAdherence28":0.85,"adherent":true,
             "routines":[{"routineId":"lower-back-stretches","sessionAdherence7":0.8,"sessionAdherence14":0.83,
               "sessionAdherence28":0.85,"doseAdherence7":0.93,"doseAdherence28":0.9,"streak":3,"habitStrength":0.61,
               "adherent":true,"completed7":4,"closed7":5,"closedOccurrences14":12,"completed28":17,"closed28":20,
               "excused28":1,"abandoned28":2,"pendingToday":false}],
             "pain":{"painStops7":1,"painStops14":1,"painStops28":1,"maxPain28":7,"anySharp28":true,"anyRedFlag28":false}}
            """;

    private final AdherenceQueries service;
    private final Caller caller;

    public AdherenceResource(AdherenceQueries service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("users/{userId}/adherence")
    @Operation(summary = "A person's adherence: 7/14/28-day session adherence, per routine dose, streak, habit "
            + "strength and pain; null ratios mean nothing was due")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "adherent", value = ADHERENCE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a possible user id (over 100 characters, control characters)")
    @APIResponse(responseCode = "403", description = "A patient asking for someone else's adherence")
    @APIResponse(responseCode = "404", description = "No plan has been received for this person")
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN})
    public Uni<AdherenceUpdated.Data> adherence(@PathParam("userId") String userId) {
        caller.requireRead(userId);
        UserIds.require(userId);
        return service.snapshot(userId).map(s -> s.orElseThrow(() -> new NotFoundException("unknown user")));
    }

    @GET
    @Path("cohort/adherence")
    @Operation(summary = "For professionals: how many people are adherent, and percentiles of 28-day session adherence")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "cohort", value = """
                    {"people":120,"adherent":70,"notAdherent":38,"unknown":12,"p10":0.32,"p25":0.61,
                     "median":0.82,"p75":0.93,"p90":1.0}""")))
    @RolesAllowed(PersonalDataAccess.CLINICIAN)
    public Uni<CohortAdherence> cohort() {
        return service.cohort();
    }
}
