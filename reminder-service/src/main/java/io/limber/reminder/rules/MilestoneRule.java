package io.limber.reminder.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** When a routine's streak reaches 7 or 30: a nudge to say well done. */
public final class MilestoneRule {

    public static final List<Integer> MILESTONES = List.of(7, 30);

    /** @param previousStreaks streak per routine as of the snapshot before this one (missing: 0) */
    public List<NudgeDraft> evaluate(Map<String, Integer> previousStreaks, Adherence adherence, Instant now) {
        List<NudgeDraft> nudges = new ArrayList<>();
        for (Adherence.RoutineAdherence routine : adherence.routines()) {
            int before = previousStreaks.getOrDefault(routine.routineId(), 0);
            for (int milestone : MILESTONES) {
                if (before < milestone && routine.streak() >= milestone) {
                    NudgeTexts.Text text = NudgeTexts.milestone(routine.routineId(), milestone);
                    nudges.add(new NudgeDraft(adherence.userId() + ":milestone:" + routine.routineId() + ":"
                            + milestone + ":" + adherence.asOf(), adherence.userId(), NudgeKind.MILESTONE,
                            text.title(), text.body(), routine.routineId(), adherence.asOf(), now,
                            now.plus(Duration.ofDays(2))));
                }
            }
        }
        return nudges;
    }
}
