package io.limber.reminder.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * 14-day session adherence of 80 % or more over at least 10 closed occurrences, no pain-stop in those 14 days and
 * no core routine in the plan: suggest adding the core routine, once per plan version.
 */
public final class ProgressionRule {

    public static final double LINE = 0.8;
    public static final int MIN_CLOSED = 10;

    public Optional<NudgeDraft> evaluate(Adherence adherence, Plan plan, Instant now) {
        if (plan == null || !plan.active() || plan.hasCoreRoutine() || adherence.painStops14() > 0) {
            return Optional.empty();
        }
        int closed = 0;
        double completed = 0;
        for (Adherence.RoutineAdherence routine : adherence.routines()) {
            if (routine.sessionAdherence14() == null) {
                continue;
            }
            closed += routine.closedOccurrences14();
            completed += routine.sessionAdherence14() * routine.closedOccurrences14();
        }
        if (closed < MIN_CLOSED || completed / closed < LINE) {
            return Optional.empty();
        }
        NudgeTexts.Text text = NudgeTexts.progression();
        return Optional.of(new NudgeDraft(adherence.userId() + ":progression:v" + plan.version(), adherence.userId(),
                NudgeKind.PROGRESSION, text.title(), text.body(), "core-strength", adherence.asOf(), now,
                now.plus(Duration.ofDays(3))));
    }
}
