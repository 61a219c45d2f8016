package io.limber.routine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanMapperTest {

    @Test
    void aPlanSurvivesTheRoundTripThroughItsPublishedForm() {
        Plan plan = new Plan("u-9", 3, PlanStatus.PAUSED, true,
                new PlanTerms(List.of(new PrescribedRoutine("core-strength", 1, true,
                        List.of(new PrescribedHold("plank", "set-1", 60, null, 15)))),
                        Schedule.onDays(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY)), LocalTime.of(7, 5),
                        ZoneId.of("Europe/Amsterdam"), LocalDate.of(2026, 11, 2), LocalDate.of(2027, 1, 1),
                        new QuietHours(LocalTime.of(23, 0), LocalTime.of(6, 30))),
                ChangeKind.REVIEW_REQUESTED, Instant.parse("2026-11-02T18:30:00Z"));

        PlanData data = PlanMapper.toData(plan);

        assertThat(data.localTime()).isEqualTo("07:05");
        assertThat(data.status()).isEqualTo("paused");
        assertThat(data.change()).isEqualTo("review-requested");
        assertThat(data.schedule().daysOfWeek()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(PlanMapper.fromData(data)).isEqualTo(plan);
    }
}
