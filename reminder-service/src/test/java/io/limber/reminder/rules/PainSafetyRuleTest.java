package io.limber.reminder.rules;

import static io.limber.reminder.rules.Fixtures.AMSTERDAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.limber.reminder.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PainSafetyRuleTest {

    private final PainSafetyRule rule = new PainSafetyRule();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T20:04:10Z"));

    @Test
    void aRedFlagGetsSeekEmergencyCareNowAndAnUrgentCareReview() {
        PainStop stop = stop("e1", 3, false, List.of("saddle-numbness"), "2026-11-21T20:04:10Z");
        var outcome = rule.onPainStop(stop, List.of(), AMSTERDAM, QuietHours.DEFAULT, clock.instant());

        NudgeDraft emergency = outcome.nudges().get(0);
        assertThat(emergency.kind()).isEqualTo(NudgeKind.EMERGENCY);
        assertThat(emergency.title()).isEqualTo("Seek emergency care now");
        assertThat(emergency.sendAt()).isEqualTo(clock.instant());
        assertThat(emergency.kind().priority()).isEqualTo("high");
        assertThat(outcome.careReview()).hasValueSatisfying(review -> {
            assertThat(review.urgent()).isTrue();
            assertThat(review.reason()).isEqualTo("red-flag");
            assertThat(review.id()).isEqualTo("u1:care-review:red-flag:e1");
            assertThat(review.painEventIds()).containsExactly("e1");
        });
    }

    @Test
    void sharpPainGetsASafetyMessageAndA48HourPauseWhateverItsScore() {
        var outcome = rule.onPainStop(stop("e1", 3, true, List.of(), "2026-11-21T20:04:10Z"), List.of(), AMSTERDAM,
                QuietHours.DEFAULT, clock.instant());

        NudgeDraft safety = outcome.nudges().get(0);
        assertThat(safety.kind()).isEqualTo(NudgeKind.SAFETY);
        assertThat(safety.id()).isEqualTo("u1:safety:e1");
        assertThat(safety.body()).contains("Do not push through sharp pain").contains("contact your doctor");
        assertThat(outcome.pauseUntil()).contains(Instant.parse("2026-11-23T20:04:10Z"));
        assertThat(outcome.careReview()).isEmpty();
    }

    @Test
    void painOfSevenOrMoreGetsASafetyMessageEvenWhenNotSharpButSixDoesNot() {
        assertThat(rule.onPainStop(stop("e1", 7, false, List.of(), "2026-11-21T20:04:10Z"), List.of(), AMSTERDAM,
                QuietHours.DEFAULT, clock.instant()).nudges()).extracting(NudgeDraft::kind)
                .containsExactly(NudgeKind.SAFETY, NudgeKind.CHECK_IN);
        var mild = rule.onPainStop(stop("e2", 6, false, List.of(), "2026-11-21T20:04:10Z"), List.of(), AMSTERDAM,
                QuietHours.DEFAULT, clock.instant());
        assertThat(mild.nudges()).extracting(NudgeDraft::kind).containsExactly(NudgeKind.CHECK_IN);
        assertThat(mild.pauseUntil()).isEmpty();
    }

    @Test
    void thePauseHoldsBackRoutineNudgesFor48HoursButNeverSafetyOnes() {
        Instant until = Instant.parse("2026-11-23T20:04:10Z");
        Instant within = until.minusSeconds(1);
        assertThat(rule.pauses(NudgeKind.REMINDER, until, within)).isTrue();
        assertThat(rule.pauses(NudgeKind.FOLLOW_UP, until, within)).isTrue();
        assertThat(rule.pauses(NudgeKind.LAPSE, until, within)).isTrue();
        assertThat(rule.pauses(NudgeKind.MILESTONE, until, within)).isTrue();
        assertThat(rule.pauses(NudgeKind.PROGRESSION, until, within)).isTrue();
        assertThat(rule.pauses(NudgeKind.CHECK_IN, until, within)).isFalse();
        assertThat(rule.pauses(NudgeKind.SAFETY, until, within)).isFalse();
        assertThat(rule.pauses(NudgeKind.REMINDER, until, until)).isFalse();
    }

    @Test
    void everyPainStopGetsACheckInAtTheEndOfTheNextQuietHours() {
        var evening = rule.onPainStop(stop("e1", 2, false, List.of(), "2026-11-21T20:04:10Z"), List.of(), AMSTERDAM,
                QuietHours.DEFAULT, clock.instant());
        NudgeDraft checkIn = evening.nudges().get(0);
        assertThat(checkIn.kind()).isEqualTo(NudgeKind.CHECK_IN);
        assertThat(checkIn.sendAt()).isEqualTo(Instant.parse("2026-11-22T06:00:00Z")); // 07:00 in Amsterdam
    }

    @Test
    void aCheckInComesAtLeast8HoursAfterTheStop() {
        // 05:00 local: quiet hours end at 07:00, only 2 h later, so the check-in waits for the next morning
        Instant stopTime = Instant.parse("2026-11-22T04:00:00Z");
        assertThat(rule.checkInTime(stopTime, AMSTERDAM, QuietHours.DEFAULT))
                .isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        // 22:30 local: 07:00 is 8.5 h later
        assertThat(rule.checkInTime(Instant.parse("2026-11-22T21:30:00Z"), AMSTERDAM, QuietHours.DEFAULT))
                .isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        assertThat(rule.checkInTime(Instant.parse("2026-11-22T21:30:00Z"), AMSTERDAM, QuietHours.DEFAULT))
                .isAfterOrEqualTo(Instant.parse("2026-11-22T21:30:00Z").plus(Duration.ofHours(8)));
    }

    @Test
    void aSecondPainStopWithin7DaysAsksForACareReview() {
        PainStop first = stop("e1", 3, false, List.of(), "2026-11-15T20:00:00Z");
        PainStop second = stop("e2", 4, false, List.of(), "2026-11-21T20:04:10Z");
        var outcome = rule.onPainStop(second, List.of(first), AMSTERDAM, QuietHours.DEFAULT, clock.instant());

        assertThat(outcome.careReview()).hasValueSatisfying(review -> {
            assertThat(review.reason()).isEqualTo("repeated-pain-stop");
            assertThat(review.urgent()).isFalse();
            assertThat(review.painEventIds()).containsExactly("e1", "e2");
        });
    }

    @Test
    void aPainStopMoreThan7DaysAfterTheLastOneAndARedeliveredStopAskForNoReview() {
        PainStop old = stop("e1", 3, false, List.of(), "2026-11-13T20:00:00Z");
        PainStop now = stop("e2", 4, false, List.of(), "2026-11-21T20:04:10Z");
        assertThat(rule.onPainStop(now, List.of(old, now), AMSTERDAM, QuietHours.DEFAULT, clock.instant())
                .careReview()).isEmpty();
    }

    @Test
    void painReportedAsNotSettledAsksForACareReviewAndSettledDoesNot() {
        PainReport notSettled = new PainReport("r1", "u1", 5, false, "e1", clock.instant());
        assertThat(rule.onPainReported(notSettled, clock.instant())).hasValueSatisfying(review -> {
            assertThat(review.reason()).isEqualTo("not-settled");
            assertThat(review.painEventIds()).containsExactly("e1", "r1");
        });
        assertThat(rule.onPainReported(new PainReport("r2", "u1", 1, true, "e1", clock.instant()), clock.instant()))
                .isEmpty();
    }

    private static PainStop stop(String id, int pain, boolean sharp, List<String> redFlags, String at) {
        return new PainStop(id, "u1", "lower-back-stretches", "forward-fold", pain, sharp, redFlags, Instant.parse(at));
    }
}
