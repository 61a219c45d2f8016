package io.limber.reminder.nudge;

import io.limber.reminder.rules.NudgeDraft;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code limber.nudge} CloudEvent on {@code nudges} (structured mode), as gateways and apps read it. The
 * CloudEvent id is the nudge id, so a consumer can drop a repeat by id alone.
 */
public record NudgeMessage(String specversion, String id, String source, String type, Instant time,
                           String datacontenttype, String dataschema, Data data) {

    public static final String TYPE = "limber.nudge";
    public static final String SOURCE = "/reminder-service";
    public static final String SCHEMA = "urn:limber:schema:nudge:1";

    /** The nudge itself; routine and occurrence date are the deep link into the app. */
    public record Data(String nudgeId, String userId, String kind, String title, String body, String priority,
                       String routineId, LocalDate occurrenceDate, Instant expiresAt) {
    }

    public static NudgeMessage of(NudgeDraft nudge, Instant sentAt) {
        return new NudgeMessage("1.0", nudge.id(), SOURCE, TYPE, sentAt, "application/json", SCHEMA,
                new Data(nudge.id(), nudge.userId(), nudge.kind().wire(), nudge.title(), nudge.body(),
                        nudge.kind().priority(), nudge.routineId(), nudge.occurrenceDate(), nudge.expiresAt()));
    }
}
