package io.limber.reminder.rules;

import static io.limber.reminder.rules.Fixtures.AMSTERDAM;
import static io.limber.reminder.rules.Fixtures.dailyPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.limber.reminder.time.MutableClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgressionRuleTest {

    private final ProgressionRule rule = new ProgressionRule();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final Plan stretchesOnly = dailyPlan("u1", LocalTime.of(20, 30), AMSTERDAM, LocalDate.of(2026, 11, 2));

    @Test
    void twoGoodPainFreeWeeksWithoutTheCoreRoutineSuggestAddingItOncePerPlanVersion() {
        assertThat(rule.evaluate(adherence(0.8, 10, 0), stretchesOnly, clock.instant())).hasValueSatisfying(n -> {
            assertThat(n.kind()).isEqualTo(NudgeKind.PROGRESSION);
            assertThat(n.id()).isEqualTo("u1:progression:v1");
            assertThat(n.body()).contains("planks, bridges and leg lifts");
        });
    }

    @Test
    void tooFewOccurrencesLowAdherenceAPainStopOrACoreRoutineAlreadyPlannedSuggestNothing() {
        assertThat(rule.evaluate(adherence(1.0, 9, 0), stretchesOnly, clock.instant())).isEmpty();
        assertThat(rule.evaluate(adherence(0.79, 14, 0), stretchesOnly, clock.instant())).isEmpty();
        assertThat(rule.evaluate(adherence(1.0, 14, 1), stretchesOnly, clock.instant())).isEmpty();
        Plan withCore = new Plan("u1", 2, "active", AMSTERDAM, LocalTime.of(7, 15), Set.of(DayOfWeek.MONDAY),
                LocalDate.of(2026, 11, 2), null, null, List.of(new Plan.Routine("core-strength", true)));
        assertThat(rule.evaluate(adherence(1.0, 14, 0), withCore, clock.instant())).isEmpty();
    }

    private static Adherence adherence(double fourteen, int closed, int painStops) {
        return new Adherence("u1", LocalDate.of(2026, 11, 22), 1, null, 1.0,
                List.of(new Adherence.RoutineAdherence("lower-back-stretches", 5, fourteen, closed)), painStops);
    }
}
