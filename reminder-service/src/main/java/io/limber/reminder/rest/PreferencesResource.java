package io.limber.reminder.rest;

import io.limber.platform.access.Caller;
import io.limber.platform.access.PersonalDataAccess;
import io.limber.reminder.person.NudgePreferences;
import io.limber.reminder.person.PreferencesService;
import io.limber.reminder.person.UserIds;
import io.limber.reminder.rest.NudgeResource.ErrorView;
import io.limber.reminder.rules.NudgeKind;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A person's own choices: quiet hours and muted kinds. Safety, emergency and check-in cannot be muted. */
@Path("/users/{userId}/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    /** Quiet hours as local times, "HH:mm"; they may run past midnight. */
    public record QuietHoursBody(String start, String end) {
    }

    /** The request and response body; a missing quietHours means the plan's (or 22:00–07:00). */
    public record Preferences(QuietHoursBody quietHours, List<String> mutedKinds) {
    }

    private final PreferencesService service;
    private final Caller caller;

    public PreferencesResource(PreferencesService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** The stored choices; none stored yet reads as no quiet hours of their own and nothing muted. */
    @GET
    @RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN})
    public Uni<Preferences> get(@PathParam("userId") String userId) {
        caller.requireRead(userId);
        NudgeResource.requireValid(userId);
        return service.get(userId).map(stored -> stored.map(PreferencesResource::view)
                .orElseGet(() -> new Preferences(null, List.of())));
    }

    /** Only the person themself: a patient token whose subject is this user id. */
    @PUT
    @RolesAllowed(PersonalDataAccess.PATIENT)
    public Uni<Response> put(@PathParam("userId") String userId, Preferences body) {
        caller.requireThemself(userId, "only the person themself changes their reminder preferences");
        Optional<String> problem = problem(userId, body);
        if (problem.isPresent()) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ErrorView(problem.get())).build());
        }
        List<String> muted = body.mutedKinds() == null ? List.of() : body.mutedKinds();
        LocalTime start = body.quietHours() == null ? null : LocalTime.parse(body.quietHours().start());
        LocalTime end = body.quietHours() == null ? null : LocalTime.parse(body.quietHours().end());
        return service.put(userId, new NudgePreferences(start, end, muted))
                .map(x -> Response.ok(new Preferences(body.quietHours(), muted)).build());
    }

    private static Preferences view(NudgePreferences stored) {
        QuietHoursBody quietHours = stored.quietStart() == null || stored.quietEnd() == null ? null
                : new QuietHoursBody(stored.quietStart().toString(), stored.quietEnd().toString());
        return new Preferences(quietHours, stored.mutedKinds());
    }

    private static Optional<String> problem(String userId, Preferences body) {
        if (!UserIds.isValid(userId)) {
            return Optional.of(UserIds.RULE);
        }
        if (body == null) {
            return Optional.of("a body is required: {\"quietHours\": {\"start\": \"22:00\", \"end\": \"07:00\"}, "
                    + "\"mutedKinds\": []}");
        }
        if (body.quietHours() != null) {
            try {
                LocalTime.parse(String.valueOf(body.quietHours().start()));
                LocalTime.parse(String.valueOf(body.quietHours().end()));
            } catch (DateTimeParseException e) {
                return Optional.of("quietHours.start and quietHours.end must be local times like 22:00");
            }
        }
        List<String> unknown = new ArrayList<>();
        List<String> safety = new ArrayList<>();
        for (String kind : body.mutedKinds() == null ? List.<String>of() : body.mutedKinds()) {
            Optional<NudgeKind> known = NudgeKind.fromWire(kind);
            if (known.isEmpty()) {
                unknown.add(String.valueOf(kind));
            } else if (known.get().isSafety()) {
                safety.add(kind);
            }
        }
        if (!unknown.isEmpty()) {
            return Optional.of("unknown kinds " + unknown + "; kinds are reminder, follow-up, lapse, milestone, "
                    + "progression");
        }
        if (!safety.isEmpty()) {
            return Optional.of("safety, emergency and check-in messages cannot be muted: " + safety);
        }
        return Optional.empty();
    }
}
