package io.limber.reminder.rules;

import static io.limber.reminder.rules.Fixtures.AMSTERDAM;
import static io.limber.reminder.rules.Fixtures.dailyPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.limber.reminder.time.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueReminderRuleTest {

    private final DueReminderRule rule = new DueReminderRule();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T19:30:00Z"));

    @Test
    void aPlannedDateGetsAReminderAtThePlansLocalTimeAndOneFollowUp90MinutesLater() {
        List<DueReminder> due = rule.occurrences(dailyPlan("u1", LocalTime.of(20, 30), AMSTERDAM,
                LocalDate.of(2026, 11, 2)), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23));

        assertThat(due).extracting(DueReminder::kind).containsExactly(NudgeKind.REMINDER, NudgeKind.FOLLOW_UP);
        assertThat(due.get(0).dueAt()).isEqualTo(Instant.parse("2026-11-23T19:30:00Z"));
        assertThat(due.get(1).dueAt()).isEqualTo(Instant.parse("2026-11-23T21:00:00Z"));
        assertThat(due.get(0).id()).isEqualTo("u1:reminder:lower-back-stretches:2026-11-23");
        assertThat(due.get(0).expiresAt()).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
    }

    @Test
    void aPlanAt0230OnASpringForwardDayStillGetsExactlyOneReminder() {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        List<DueReminder> due = rule.occurrences(dailyPlan("u1", LocalTime.of(2, 30), zone, LocalDate.of(2026, 3, 1)),
                LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29));

        List<DueReminder> reminders = due.stream().filter(d -> d.kind() == NudgeKind.REMINDER).toList();
        assertThat(reminders).hasSize(1);
        // 02:30 does not exist that night; the reminder goes at 03:30 CEST, just after the clocks jump
        assertThat(reminders.get(0).dueAt()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aPlanAtATimeThatHappensTwiceOnAFallBackDayGetsOneReminderNotTwo() {
        ZoneId zone = ZoneId.of("America/New_York");
        List<DueReminder> due = rule.occurrences(dailyPlan("u1", LocalTime.of(1, 30), zone, LocalDate.of(2026, 10, 1)),
                LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 2));

        List<DueReminder> reminders = due.stream().filter(d -> d.kind() == NudgeKind.REMINDER).toList();
        assertThat(reminders).extracting(DueReminder::date).containsExactly(LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));
        // 01:30 happens twice on 1 November; the earlier one is the reminder
        assertThat(reminders.get(1).dueAt()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(reminders).extracting(DueReminder::id).doesNotHaveDuplicates();
    }

    @Test
    void unplannedDaysPausedPlansAndDatesOutsideThePlanGetNothing() {
        Plan plan = new Plan("u1", 2, "paused", AMSTERDAM, LocalTime.of(20, 0),
                java.util.Set.of(java.time.DayOfWeek.MONDAY), LocalDate.of(2026, 11, 1), null, null,
                List.of(new Plan.Routine("lower-back-stretches", false)));
        assertThat(rule.occurrences(plan, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).isEmpty();

        Plan mondays = new Plan("u1", 3, "active", AMSTERDAM, LocalTime.of(20, 0),
                java.util.Set.of(java.time.DayOfWeek.MONDAY), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 24),
                null, List.of(new Plan.Routine("lower-back-stretches", false)));
        assertThat(rule.occurrences(mondays, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                .extracting(DueReminder::date).containsOnly(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23));
    }

    @Test
    void aSessionAlreadyStartedThatDayMeansNoNudgeAtFireTime() {
        DueReminder due = rule.occurrences(dailyPlan("u1", LocalTime.of(20, 30), AMSTERDAM, LocalDate.of(2026, 11, 2)),
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)).get(0);

        assertThat(rule.evaluate(due, true, clock.instant()))
                .isEqualTo(new Verdict.Suppress(Suppression.ALREADY_STARTED));
        Verdict verdict = rule.evaluate(due, false, clock.instant());
        assertThat(verdict).isInstanceOf(Verdict.Send.class);
        NudgeDraft nudge = ((Verdict.Send) verdict).nudge();
        assertThat(nudge.body()).contains("knees to chest", "forward fold", "child's pose", "crossovers",
                "doorway hamstring");
        assertThat(nudge.routineId()).isEqualTo("lower-back-stretches");
        assertThat(nudge.occurrenceDate()).isEqualTo(LocalDate.of(2026, 11, 23));
    }
}
