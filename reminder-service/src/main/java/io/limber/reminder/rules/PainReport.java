package io.limber.reminder.rules;

import java.time.Instant;

/** A later pain score ({@code limber.pain.reported}), e.g. the answer to a check-in. */
public record PainReport(String eventId, String userId, int pain, Boolean settled, String inReplyTo, Instant time) {
}
