package io.limber.session.adherence;

import static io.limber.session.adherence.Fixtures.AMSTERDAM;
import static io.limber.session.adherence.Fixtures.DAILY;
import static io.limber.session.adherence.Fixtures.STRETCHES_V1;
import static io.limber.session.adherence.Fixtures.at;
import static io.limber.session.adherence.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCalendarTest {

    @Test
    void aPlanPublishedAfterItsStartDateIsInForceFromItsStartDate() {
        PlanVersion enteredLate = plan(1, AMSTERDAM, DAILY, "2026-11-01", at("2026-11-20T09:00"), STRETCHES_V1);
        PlanCalendar calendar = new PlanCalendar(List.of(enteredLate));

        assertThat(calendar.inForce(LocalDate.parse("2026-11-02"))).contains(enteredLate);
        assertThat(enteredLate.schedules(LocalDate.parse("2026-11-02"))).isTrue();
        assertThat(enteredLate.schedules(LocalDate.parse("2026-10-31"))).isFalse();
    }

    @Test
    void aLaterVersionNeverRewritesDaysBeforeItWasPublished() {
        PlanVersion first = plan(1, AMSTERDAM, DAILY, "2026-11-01", at("2026-11-01T08:00"), STRETCHES_V1);
        PlanVersion second = plan(2, AMSTERDAM, DAILY, "2026-11-01", at("2026-11-10T12:00"), STRETCHES_V1);
        PlanCalendar calendar = new PlanCalendar(List.of(second, first));

        assertThat(calendar.inForce(LocalDate.parse("2026-11-09"))).contains(first);
        assertThat(calendar.inForce(LocalDate.parse("2026-11-10"))).contains(second);
    }
}
