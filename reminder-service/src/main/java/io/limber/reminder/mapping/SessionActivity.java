package io.limber.reminder.mapping;

import java.time.Instant;

/**
 * What any session event says besides its own meaning: the person was active at {@code time} (tapering), and, when
 * it names a routine, a session of it began at {@code startedAt} (no reminder for that routine that local day).
 *
 * @param routineId null when the event names none
 */
public record SessionActivity(String userId, String routineId, Instant startedAt, Instant time) {
}
