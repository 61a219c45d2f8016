package io.limber.reminder.nudge;

import java.time.Instant;

/** The {@code limber.nudge} CloudEvent on {@code nudges} (structured mode), as gateways and apps read it. */
public record NudgeMessage(String specversion, String id, String source, String type, Instant time,
                           String datacontenttype, Data data) {

    public static final String TYPE = "limber.nudge";
    public static final String SOURCE = "/reminder-service";

    public record Data(String nudgeId, String userId, String kind, String title, String body, String priority) {
    }

    public static NudgeMessage of(Nudge nudge) {
        return new NudgeMessage("1.0", nudge.id, SOURCE, TYPE, nudge.createdAt, "application/json",
                new Data(nudge.id, nudge.userId, nudge.kind, nudge.title, nudge.body, nudge.priority));
    }
}
