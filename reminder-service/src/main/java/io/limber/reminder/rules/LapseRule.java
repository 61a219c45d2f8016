package io.limber.reminder.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When 7-day session adherence falls from 50 % or more to below it: one encouraging nudge, at most one a week. */
public final class LapseRule {

    public static final double LINE = 0.5;
    public static final Duration AT_MOST_ONCE_IN = Duration.ofDays(7);

    public Optional<NudgeDraft> evaluate(Double previous7, Adherence now7, Instant lastLapseNudgeAt, Instant now) {
        Double current = now7.sessionAdherence7();
        if (previous7 == null || current == null || previous7 < LINE || current >= LINE) {
            return Optional.empty();
        }
        if (lastLapseNudgeAt != null && now.isBefore(lastLapseNudgeAt.plus(AT_MOST_ONCE_IN))) {
            return Optional.empty();
        }
        NudgeTexts.Text text = NudgeTexts.lapse();
        return Optional.of(new NudgeDraft(now7.userId() + ":lapse:" + now7.asOf(), now7.userId(), NudgeKind.LAPSE,
                text.title(), text.body(), null, now7.asOf(), now, now.plus(Duration.ofDays(1))));
    }
}
