package io.limber.reminder.rest;

import io.limber.platform.access.Caller;
import io.limber.platform.access.PersonalDataAccess;
import io.limber.reminder.nudge.NudgeHistoryService;
import io.limber.reminder.nudge.SentNudge;
import io.limber.reminder.person.UserIds;
import io.limber.reminder.schedule.NextReminderService;
import io.limber.reminder.schedule.UpcomingReminder;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
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

    private final NudgeHistoryService history;
    private final NextReminderService nextReminder;
    private final Caller caller;

    public NudgeResource(NudgeHistoryService history, NextReminderService nextReminder, Caller caller) {
        this.history = history;
        this.nextReminder = nextReminder;
        this.caller = caller;
    }

    @GET
    @Path("/nudges")
    public Uni<List<NudgeView>> history(@PathParam("userId") String userId) {
        caller.requireRead(userId);
        requireValid(userId);
        return history.history(userId).map(sent -> sent.stream().map(NudgeResource::nudgeView).toList());
    }

    /** 404 when nothing is planned (no plan, a paused or ended plan, or an erased person). */
    @GET
    @Path("/next")
    public Uni<Response> next(@PathParam("userId") String userId) {
        caller.requireRead(userId);
        requireValid(userId);
        return nextReminder.next(userId).map(next -> next.map(NudgeResource::nextView)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new ErrorView("no reminder planned")).build()));
    }

    private static NudgeView nudgeView(SentNudge sent) {
        return new NudgeView(sent.id(), sent.kind(), sent.title(), sent.body(), sent.priority(), sent.routineId(),
                sent.occurrenceDate(), sent.expiresAt(), sent.createdAt());
    }

    private static NextReminder nextView(UpcomingReminder next) {
        return new NextReminder(next.id(), next.routineId(), next.occurrenceDate(), next.dueAt());
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
