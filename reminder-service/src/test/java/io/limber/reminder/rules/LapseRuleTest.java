package io.limber.reminder.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.reminder.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LapseRuleTest {

    private final LapseRule rule = new LapseRule();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));

    @Test
    void fallingFromFiftyPercentToBelowItGetsOneEncouragingNudge() {
        var nudge = rule.evaluate(0.5, adherence(0.43), null, clock.instant());
        assertThat(nudge).hasValueSatisfying(n -> {
            assertThat(n.kind()).isEqualTo(NudgeKind.LAPSE);
            assertThat(n.id()).isEqualTo("u1:lapse:2026-11-22");
            assertThat(n.title()).isEqualTo("Pick up where you left off");
        });
    }

    @Test
    void stayingBelowOrAboveTheLineOrNotKnowingTheFigureGetsNothing() {
        assertThat(rule.evaluate(0.43, adherence(0.29), null, clock.instant())).isEmpty();
        assertThat(rule.evaluate(0.8, adherence(0.57), null, clock.instant())).isEmpty();
        assertThat(rule.evaluate(null, adherence(0.29), null, clock.instant())).isEmpty();
        assertThat(rule.evaluate(0.8, adherence(null), null, clock.instant())).isEmpty();
    }

    @Test
    void atMostOneLapseNudgeAWeek() {
        Instant last = clock.instant().minus(Duration.ofDays(6));
        assertThat(rule.evaluate(0.6, adherence(0.4), last, clock.instant())).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(rule.evaluate(0.6, adherence(0.4), last, clock.instant())).isPresent();
    }

    private static Adherence adherence(Double seven) {
        return new Adherence("u1", LocalDate.of(2026, 11, 22), 3, null, seven, List.of(), 0);
    }
}
