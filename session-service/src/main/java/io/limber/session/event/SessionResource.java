package io.limber.session.event;

import io.limber.platform.access.Caller;
import io.limber.platform.access.PersonalDataAccess;
import io.limber.session.person.UserIds;
import io.limber.session.adherence.Session;
import io.limber.session.adherence.service.AdherenceQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A person's session history, newest first, a page at a time. */
@Path("/users/{userId}/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final AdherenceQueries service;
    private final Clock clock;
    private final Caller caller;

    public SessionResource(AdherenceQueries service, Clock clock, Caller caller) {
        this.service = service;
        this.clock = clock;
        this.caller = caller;
    }

    /** One session as the API shows it. */
    public record SessionView(String sessionId, String routineId, int routineVersion, Instant startedAt,
                              String status, Instant completedAt, Integer holdsReported, Integer pain, Boolean sharp,
                              List<String> redFlags) {

        static SessionView of(Session s, Instant now) {
            String status = s.completed() ? "completed" : s.painStopped() ? "pain-stopped"
                    : s.abandonedAt(now) ? "abandoned" : "running";
            var completion = s.completions().isEmpty() ? null : s.completions().get(0);
            var stop = s.painStops().isEmpty() ? null : s.painStops().get(0);
            return new SessionView(s.sessionId(), s.routineId(), s.routineVersion(), s.startedAt(), status,
                    completion == null ? null : completion.completedAt(),
                    completion == null ? null : completion.holds().size(),
                    stop == null ? null : stop.pain(), stop == null ? null : stop.sharp(),
                    stop == null ? null : stop.redFlags().stream().sorted().toList());
        }
    }

    /** A page of sessions. */
    public record SessionPage(int page, int size, int total, List<SessionView> sessions) {
    }

    @GET
    @Operation(summary = "A person's sessions, newest first (completed, pain-stopped, abandoned or running)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "history", value = """
                    {"page":0,"size":20,"total":1,"sessions":[{"sessionId":"c1a5e0d2-7b44-4f0e-9e39-1d2b3c4d5e6f",
                     "routineId":"lower-back-stretches","routineVersion":1,"startedAt":"2026-11-20T19:31:05Z",
                     "status":"completed","completedAt":"2026-11-20T19:42:40Z","holdsReported":9}]}""")))
    @APIResponse(responseCode = "400", description = "Not a possible user id (over 100 characters, control characters)")
    @APIResponse(responseCode = "403", description = "A patient asking for someone else's sessions")
    @APIResponse(responseCode = "404", description = "No plan has been received for this person")
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN})
    public Uni<SessionPage> sessions(@PathParam("userId") String userId,
                                     @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("20") int size) {
        caller.requireRead(userId);
        UserIds.require(userId);
        int pageSize = Math.max(1, Math.min(size, 100));
        int pageNumber = Math.max(0, page);
        Instant now = clock.instant();
        return service.sessions(userId).map(found -> {
            List<Session> all = found.orElseThrow(() -> new NotFoundException("unknown user"));
            List<SessionView> slice = all.stream().skip((long) pageNumber * pageSize).limit(pageSize)
                    .map(s -> SessionView.of(s, now)).toList();
            return new SessionPage(pageNumber, pageSize, all.size(), slice);
        });
    }
}
