package io.limber.reminder.nudge;

import io.limber.platform.access.Caller;
import io.limber.platform.access.PersonalDataAccess;
import io.limber.reminder.db.Sql;
import io.limber.reminder.person.UserIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A person's nudges: the ones sent (history) and the next planned reminder; for the person and clinicians. */
@RolesAllowed({PersonalDataAccess.PATIENT, PersonalDataAccess.CLINICIAN})
@Path("/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class NudgeResource {

    /** One nudge as the API shows it. */
    public record NudgeView(String id, String kind, String title, String body, String priority, String routineId,
                            LocalDate occurrenceDate, Instant expiresAt, Instant createdAt) {
    }

    /** The next reminder the person will get, if nothing holds it back at fire time. */
    public record NextReminder(String id, String routineId, LocalDate occurrenceDate, Instant dueAt) {
    }

    private final Pool pool;
    private final Clock clock;
    private final Caller caller;

    public NudgeResource(Pool pool, Clock clock, Caller caller) {
        this.pool = pool;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @Path("/nudges")
    public Uni<List<NudgeView>> history(@PathParam("userId") String userId) {
        caller.requireRead(userId);
        requireValid(userId);
        return pool.preparedQuery("""
                        SELECT id, kind, title, body, priority, routine_id, occurrence_date, expires_at, created_at
                        FROM nudge WHERE user_id = $1 ORDER BY created_at, id""")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<NudgeView> views = new ArrayList<>();
                    rows.forEach(r -> views.add(new NudgeView(r.getString("id"), r.getString("kind"),
                            r.getString("title"), r.getString("body"), r.getString("priority"),
                            r.getString("routine_id"), r.getLocalDate("occurrence_date"), Sql.instant(r, "expires_at"),
                            Sql.instant(r, "created_at"))));
                    return views;
                });
    }

    /** 404 when nothing is planned (no plan, a paused or ended plan, or an erased person). */
    @GET
    @Path("/next")
    public Uni<Response> next(@PathParam("userId") String userId) {
        caller.requireRead(userId);
        requireValid(userId);
        return pool.preparedQuery("""
                        SELECT d.id, d.routine_id, d.occurrence_date, d.due_at FROM due_nudge d
                        LEFT JOIN person p ON p.user_id = d.user_id
                        WHERE d.user_id = $1 AND d.kind = 'reminder' AND d.status = 'pending' AND d.due_at > $2
                          AND (p.pause_until IS NULL OR d.due_at >= p.pause_until)
                        ORDER BY d.due_at LIMIT 1""")
                .execute(Tuple.of(userId, Sql.ts(Instant.now(clock))))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Response.status(Response.Status.NOT_FOUND)
                                .entity(new ErrorView("no reminder planned")).build();
                    }
                    var r = rows.iterator().next();
                    return Response.ok(new NextReminder(r.getString("id"), r.getString("routine_id"),
                            r.getLocalDate("occurrence_date"), Sql.instant(r, "due_at"))).build();
                });
    }

    /** 400 for an id no person can have (it would reach SQL otherwise: NUL bytes, megabytes). */
    public static void requireValid(String userId) {
        if (!UserIds.isValid(userId)) {
            throw new BadRequestException(Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON).entity(new ErrorView(UserIds.RULE)).build());
        }
    }

    /** A 4xx body: what was wrong, in words. */
    public record ErrorView(String error) {
    }
}
