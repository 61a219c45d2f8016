package io.limber.reminder.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.reminder.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaperingRuleTest {

    private final TaperingRule rule = new TaperingRule();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T19:30:00Z"));

    @Test
    void someoneActiveInTheLastTwoDaysGetsEveryReminderAndFollowUp() {
        Instant active = clock.instant().minus(Duration.ofHours(47));
        Instant yesterday = clock.instant().minus(Duration.ofDays(1));
        assertThat(rule.allows(NudgeKind.REMINDER, active, yesterday, yesterday, clock.instant())).isTrue();
        assertThat(rule.allows(NudgeKind.FOLLOW_UP, active, yesterday, yesterday, clock.instant())).isTrue();
    }

    @Test
    void twoToNineQuietDaysGiveAReminderEverySecondOccurrenceAndNoFollowUps() {
        Instant active = clock.instant().minus(Duration.ofDays(4));
        Instant yesterday = clock.instant().minus(Duration.ofDays(1));
        Instant twoDaysAgo = clock.instant().minus(Duration.ofDays(2));
        assertThat(rule.allows(NudgeKind.FOLLOW_UP, active, twoDaysAgo, yesterday, clock.instant())).isFalse();
        // reminded yesterday: skip today
        assertThat(rule.allows(NudgeKind.REMINDER, active, yesterday, yesterday, clock.instant())).isFalse();
        // yesterday's was skipped: remind today
        assertThat(rule.allows(NudgeKind.REMINDER, active, twoDaysAgo, yesterday, clock.instant())).isTrue();
    }

    @Test
    void tenToTwentyNineQuietDaysGiveAtMostOneReminderAWeek() {
        Instant active = clock.instant().minus(Duration.ofDays(12));
        assertThat(rule.allows(NudgeKind.REMINDER, active, clock.instant().minus(Duration.ofDays(5)), null,
                clock.instant())).isFalse();
        assertThat(rule.allows(NudgeKind.REMINDER, active, clock.instant().minus(Duration.ofDays(7)), null,
                clock.instant())).isTrue();
    }

    @Test
    void thirtyQuietDaysOrMoreGiveOneReminderAFortnight() {
        Instant active = clock.instant().minus(Duration.ofDays(40));
        assertThat(rule.allows(NudgeKind.REMINDER, active, clock.instant().minus(Duration.ofDays(8)), null,
                clock.instant())).isFalse();
        assertThat(rule.allows(NudgeKind.REMINDER, active, clock.instant().minus(Duration.ofDays(14)), null,
                clock.instant())).isTrue();
    }

    @Test
    void taperingNeverTouchesOtherKinds() {
        Instant active = clock.instant().minus(Duration.ofDays(40));
        assertThat(rule.allows(NudgeKind.LAPSE, active, clock.instant(), null, clock.instant())).isTrue();
        assertThat(rule.allows(NudgeKind.CHECK_IN, active, clock.instant(), null, clock.instant())).isTrue();
    }
}
