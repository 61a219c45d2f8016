package io.limber.routine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.limber.routine.validation.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanLifecycleTest {

    static final Instant NOW = Instant.parse("2026-11-02T18:30:00Z");
    static final PlanTerms TERMS = new PlanTerms(List.of(), Schedule.timesPerWeek(3), LocalTime.of(20, 30),
            ZoneId.of("Europe/Amsterdam"), LocalDate.of(2026, 11, 2), null, QuietHours.DEFAULT);
    private final PlanLifecycle lifecycle = new PlanLifecycle();

    @Test
    void aFirstPlanIsVersionOneAndActive() {
        Plan plan = lifecycle.createOrReplace("u", Optional.empty(), TERMS, NOW);
        assertThat(plan.version()).isEqualTo(1);
        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.change()).isEqualTo(ChangeKind.CREATED);
    }

    @Test
    void everyChangeBumpsTheVersion() {
        Plan v1 = lifecycle.createOrReplace("u", Optional.empty(), TERMS, NOW);
        Plan v2 = lifecycle.pause(v1, NOW);
        Plan v3 = lifecycle.resume(v2, NOW);
        Plan v4 = lifecycle.createOrReplace("u", Optional.of(v3), TERMS, NOW);
        Plan v5 = lifecycle.end(v4, NOW);
        assertThat(List.of(v1, v2, v3, v4, v5)).extracting(Plan::version).containsExactly(1, 2, 3, 4, 5);
        assertThat(List.of(v1, v2, v3, v4, v5)).extracting(Plan::status).containsExactly(PlanStatus.ACTIVE,
                PlanStatus.PAUSED, PlanStatus.ACTIVE, PlanStatus.ACTIVE, PlanStatus.ENDED);
    }

    @Test
    void onlyAnActivePlanCanBePausedAndOnlyAPausedOneResumed() {
        Plan active = lifecycle.createOrReplace("u", Optional.empty(), TERMS, NOW);
        assertThatThrownBy(() -> lifecycle.resume(active, NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only a paused plan");
        Plan ended = lifecycle.end(active, NOW);
        assertThatThrownBy(() -> lifecycle.pause(ended, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> lifecycle.end(ended, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void replacingAPlanKeepsAPendingReview() {
        Plan flagged = new Plan("u", 4, PlanStatus.PAUSED, true, TERMS, ChangeKind.REVIEW_REQUESTED, NOW);
        Plan replaced = lifecycle.createOrReplace("u", Optional.of(flagged), TERMS, NOW);
        assertThat(replaced.reviewRequested()).isTrue();
        assertThat(replaced.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(replaced.version()).isEqualTo(5);
    }
}
