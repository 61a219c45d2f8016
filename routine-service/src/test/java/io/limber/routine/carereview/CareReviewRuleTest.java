package io.limber.routine.carereview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.limber.routine.plan.ChangeKind;
import io.limber.routine.plan.Plan;
import io.limber.routine.plan.PlanStatus;
import io.limber.routine.plan.PlanTerms;
import io.limber.routine.plan.QuietHours;
import io.limber.routine.plan.Schedule;
import io.limber.routine.validation.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CareReviewRuleTest {

    static final Instant NOW = Instant.parse("2026-11-22T18:12:01Z");
    static final PlanTerms TERMS = new PlanTerms(List.of(), Schedule.timesPerWeek(3), LocalTime.of(20, 30),
            ZoneId.of("Europe/Amsterdam"), LocalDate.of(2026, 11, 2), null, QuietHours.DEFAULT);
    private final CareReviewRule rule = new CareReviewRule();

    static Plan plan(PlanStatus status, boolean flagged) {
        return new Plan("u", 3, status, flagged, TERMS, ChangeKind.CREATED, NOW.minusSeconds(3600));
    }

    @Test
    void anUrgentReviewFlagsAndPausesAnActivePlanAsANewVersion() {
        Plan next = rule.onRequested(plan(PlanStatus.ACTIVE, false), true, NOW).orElseThrow();
        assertThat(next.status()).isEqualTo(PlanStatus.PAUSED);
        assertThat(next.reviewRequested()).isTrue();
        assertThat(next.version()).isEqualTo(4);
        assertThat(next.change()).isEqualTo(ChangeKind.REVIEW_REQUESTED);
    }

    @Test
    void aNonUrgentReviewFlagsTheActivePlanWithoutPausingIt() {
        Plan next = rule.onRequested(plan(PlanStatus.ACTIVE, false), false, NOW).orElseThrow();
        assertThat(next.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(next.reviewRequested()).isTrue();
    }

    @Test
    void aPlanAlreadyFlaggedAndPausedIsNotChangedAgain() {
        assertThat(rule.onRequested(plan(PlanStatus.PAUSED, true), true, NOW)).isEmpty();
        assertThat(rule.onRequested(plan(PlanStatus.ACTIVE, true), false, NOW)).isEmpty();
    }

    @Test
    void anUrgentReviewStillPausesAPlanFlaggedEarlierForALesserReason() {
        assertThat(rule.onRequested(plan(PlanStatus.ACTIVE, true), true, NOW)).get()
                .extracting(Plan::status).isEqualTo(PlanStatus.PAUSED);
    }

    @Test
    void anEndedPlanIsLeftAlone() {
        assertThat(rule.onRequested(plan(PlanStatus.ENDED, false), true, NOW)).isEmpty();
    }

    @Test
    void closingTheLastReviewClearsTheFlagAndResumesWhenAsked() {
        Plan next = rule.onClosed(plan(PlanStatus.PAUSED, true), new CareReviewRule.OtherOpenReviews(0, false), true, NOW)
                .orElseThrow();
        assertThat(next.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(next.reviewRequested()).isFalse();
        assertThat(next.change()).isEqualTo(ChangeKind.REVIEW_CLOSED);
    }

    @Test
    void closingWithoutResumingKeepsThePlanPaused() {
        Plan next = rule.onClosed(plan(PlanStatus.PAUSED, true), new CareReviewRule.OtherOpenReviews(0, false), false, NOW)
                .orElseThrow();
        assertThat(next.status()).isEqualTo(PlanStatus.PAUSED);
        assertThat(next.reviewRequested()).isFalse();
    }

    @Test
    void thePlanStaysFlaggedWhileOtherReviewsAreOpen() {
        assertThat(rule.onClosed(plan(PlanStatus.ACTIVE, true), new CareReviewRule.OtherOpenReviews(1, false), false, NOW))
                .isEmpty();
    }

    @Test
    void aPlanIsNotResumedWhileAnotherUrgentReviewIsOpen() {
        assertThatThrownBy(() -> rule.onClosed(plan(PlanStatus.PAUSED, true),
                new CareReviewRule.OtherOpenReviews(1, true), true, NOW)).isInstanceOf(ConflictException.class);
    }
}
