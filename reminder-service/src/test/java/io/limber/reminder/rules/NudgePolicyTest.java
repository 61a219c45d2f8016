package io.limber.reminder.rules;

import static io.limber.reminder.rules.Fixtures.AMSTERDAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.limber.reminder.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NudgePolicyTest {

    private final NudgePolicy policy = new NudgePolicy();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T19:30:00Z")); // 20:30 local

    @Test
    void sharpPainStopSuppressesRemindersFor48Hours() {
        Instant stoppedAt = clock.instant().minus(Duration.ofHours(20));
        PersonState paused = state(Set.of(), stoppedAt.plus(PainSafetyRule.PAUSE), List.of());
        assertThat(policy.decide(draft(NudgeKind.REMINDER), paused, true, null, clock.instant()))
                .isEqualTo(new Verdict.Suppress(Suppression.SAFETY_PAUSE));
        clock.advance(Duration.ofHours(28));
        assertThat(policy.decide(draft(NudgeKind.REMINDER), paused, true, null, clock.instant()))
                .isInstanceOf(Verdict.Send.class);
    }

    @Test
    void mutedKindsAreNotSentButSafetyKindsAlwaysAre() {
        PersonState muted = state(Set.of(NudgeKind.MILESTONE, NudgeKind.SAFETY), null,
                List.of(clock.instant(), clock.instant()));
        assertThat(policy.decide(draft(NudgeKind.MILESTONE), muted, false, null, clock.instant()))
                .isEqualTo(new Verdict.Suppress(Suppression.MUTED));
        assertThat(policy.decide(draft(NudgeKind.SAFETY), muted, false, null, clock.instant()))
                .isInstanceOf(Verdict.Send.class);
    }

    @Test
    void theCapIsCheckedLastSoAHeldBackNudgeDoesNotUseItUp() {
        PersonState twoSent = state(Set.of(), null, List.of(clock.instant(), clock.instant()));
        assertThat(policy.decide(draft(NudgeKind.LAPSE), twoSent, false, null, clock.instant()))
                .isEqualTo(new Verdict.Suppress(Suppression.CAP));
        assertThat(policy.decide(draft(NudgeKind.CHECK_IN), twoSent, false, null, clock.instant()))
                .isInstanceOf(Verdict.Send.class);
    }

    private PersonState state(Set<NudgeKind> muted, Instant pauseUntil, List<Instant> capped) {
        return new PersonState("u1", AMSTERDAM, QuietHours.DEFAULT, muted, pauseUntil, clock.instant(), null, capped);
    }

    private NudgeDraft draft(NudgeKind kind) {
        return new NudgeDraft("u1:" + kind.wire() + ":x", "u1", kind, "t", "b", "lower-back-stretches",
                LocalDate.of(2026, 11, 22), clock.instant(), clock.instant().plus(Duration.ofDays(2)));
    }
}
