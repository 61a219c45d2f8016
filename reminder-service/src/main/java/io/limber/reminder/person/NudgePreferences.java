package io.limber.reminder.person;

import java.time.LocalTime;
import java.util.List;

/**
 * A person's own choices about nudges: quiet hours (both null: the plan's, or 22:00–07:00) and the kinds they muted,
 * as wire names.
 */
public record NudgePreferences(LocalTime quietStart, LocalTime quietEnd, List<String> mutedKinds) {
}
