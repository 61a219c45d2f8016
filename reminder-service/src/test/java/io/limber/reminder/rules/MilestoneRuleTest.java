package io.limber.reminder.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.reminder.time.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MilestoneRuleTest {

    private final MilestoneRule rule = new MilestoneRule();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));

    @Test
    void aStreakReachingSevenAndThirtyGetsAMilestoneEachTime() {
        assertThat(rule.evaluate(Map.of("lower-back-stretches", 6), streak(7), clock.instant()))
                .singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo(NudgeKind.MILESTONE);
                    assertThat(n.title()).isEqualTo("7 in a row");
                    assertThat(n.id()).isEqualTo("u1:milestone:lower-back-stretches:7:2026-11-22");
                });
        assertThat(rule.evaluate(Map.of("lower-back-stretches", 29), streak(30), clock.instant()))
                .extracting(NudgeDraft::title).containsExactly("30 in a row");
    }

    @Test
    void aStreakAlreadyPastTheMilestoneOrBelowItGetsNothing() {
        assertThat(rule.evaluate(Map.of("lower-back-stretches", 7), streak(8), clock.instant())).isEmpty();
        assertThat(rule.evaluate(Map.of(), streak(5), clock.instant())).isEmpty();
    }

    private static Adherence streak(int streak) {
        return new Adherence("u1", LocalDate.of(2026, 11, 22), 3, null, 1.0,
                List.of(new Adherence.RoutineAdherence("lower-back-stretches", streak, 1.0, 14)), 0);
    }
}
