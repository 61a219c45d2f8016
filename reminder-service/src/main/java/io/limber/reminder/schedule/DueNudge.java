package io.limber.reminder.schedule;

import io.limber.reminder.rules.NudgeDraft;
import java.time.Instant;

/** A due row taken to be decided: the nudge it will become, and when it was first planned for. */
public record DueNudge(NudgeDraft draft, Instant plannedAt) {
}
