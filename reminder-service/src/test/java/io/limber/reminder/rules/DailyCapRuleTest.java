package io.limber.reminder.rules;

import static io.limber.reminder.rules.Fixtures.AMSTERDAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.limber.reminder.time.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyCapRuleTest {

    private final DailyCapRule rule = new DailyCapRule();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T20:00:00Z")); // 21:00 local

    @Test
    void theFirstTwoCappedNudgesOfALocalDayWinAndTheThirdIsDropped() {
        assertThat(rule.allows(NudgeKind.LAPSE, List.of(), AMSTERDAM, clock.instant())).isTrue();
        assertThat(rule.allows(NudgeKind.LAPSE, List.of(Instant.parse("2026-11-22T08:00:00Z")), AMSTERDAM,
                clock.instant())).isTrue();
        assertThat(rule.allows(NudgeKind.MILESTONE, List.of(Instant.parse("2026-11-22T08:00:00Z"),
                Instant.parse("2026-11-22T19:30:00Z")), AMSTERDAM, clock.instant())).isFalse();
    }

    @Test
    void theDayIsThePersonsLocalDayNotTheServers() {
        // 23:30 UTC on the 21st is already the 22nd in Amsterdam, so it counts; 22:30 UTC on the 21st does not
        List<Instant> sent = List.of(Instant.parse("2026-11-21T23:30:00Z"), Instant.parse("2026-11-21T22:30:00Z"));
        assertThat(rule.allows(NudgeKind.REMINDER, sent, AMSTERDAM, clock.instant())).isTrue();
    }

    @Test
    void safetyEmergencyAndCheckInAreNeverCapped() {
        List<Instant> sent = List.of(clock.instant(), clock.instant(), clock.instant());
        assertThat(rule.allows(NudgeKind.SAFETY, sent, AMSTERDAM, clock.instant())).isTrue();
        assertThat(rule.allows(NudgeKind.EMERGENCY, sent, AMSTERDAM, clock.instant())).isTrue();
        assertThat(rule.allows(NudgeKind.CHECK_IN, sent, AMSTERDAM, clock.instant())).isTrue();
    }
}
