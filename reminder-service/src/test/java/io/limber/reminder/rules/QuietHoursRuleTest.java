package io.limber.reminder.rules;

import static io.limber.reminder.rules.Fixtures.AMSTERDAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.limber.reminder.time.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuietHoursRuleTest {

    private final QuietHoursRule rule = new QuietHoursRule();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T22:30:00Z")); // 23:30 local

    @Test
    void aNudgeInQuietHoursWaitsForThemToEnd() {
        NudgeDraft lapse = draft(NudgeKind.LAPSE, Instant.parse("2026-11-23T22:00:00Z"));
        assertThat(rule.evaluate(lapse, QuietHours.DEFAULT, AMSTERDAM, false, clock.instant()))
                .isEqualTo(new Verdict.Defer(Instant.parse("2026-11-23T06:00:00Z")));
    }

    @Test
    void aNudgeThatWouldBeStaleWhenQuietHoursEndIsDropped() {
        NudgeDraft followUp = draft(NudgeKind.FOLLOW_UP, Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(rule.evaluate(followUp, QuietHours.DEFAULT, AMSTERDAM, false, clock.instant()))
                .isEqualTo(new Verdict.Suppress(Suppression.QUIET_HOURS));
    }

    @Test
    void aReminderAtThePlansOwnTimeIsAlwaysAllowed() {
        NudgeDraft reminder = draft(NudgeKind.REMINDER, Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(rule.evaluate(reminder, QuietHours.DEFAULT, AMSTERDAM, true, clock.instant()))
                .isInstanceOf(Verdict.Send.class);
    }

    @Test
    void safetyMessagesAreNeverHeldBack() {
        assertThat(rule.evaluate(draft(NudgeKind.SAFETY, null), QuietHours.DEFAULT, AMSTERDAM, false,
                clock.instant())).isInstanceOf(Verdict.Send.class);
        assertThat(rule.evaluate(draft(NudgeKind.EMERGENCY, null), QuietHours.DEFAULT, AMSTERDAM, false,
                clock.instant())).isInstanceOf(Verdict.Send.class);
    }

    @Test
    void outsideQuietHoursEverythingGoesAndQuietHoursMayBeSetByThePerson() {
        clock.set("2026-11-22T12:00:00Z");
        assertThat(rule.evaluate(draft(NudgeKind.LAPSE, null), QuietHours.DEFAULT, AMSTERDAM, false,
                clock.instant())).isInstanceOf(Verdict.Send.class);
        QuietHours lunch = new QuietHours(java.time.LocalTime.of(12, 30), java.time.LocalTime.of(14, 0));
        assertThat(rule.evaluate(draft(NudgeKind.LAPSE, null), lunch, AMSTERDAM, false, clock.instant()))
                .isEqualTo(new Verdict.Defer(Instant.parse("2026-11-22T13:00:00Z")));
    }

    private NudgeDraft draft(NudgeKind kind, Instant expires) {
        return new NudgeDraft("u1:" + kind.wire() + ":x", "u1", kind, "t", "b", null, LocalDate.of(2026, 11, 22),
                clock.instant(), expires);
    }
}
