package io.limber.session.adherence;

import static io.limber.session.adherence.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdherenceCalculatorTest {

    private static List<Activity> sessionsEveryEvening(String fromDate, String toDate) {
        List<Activity> events = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(fromDate); !d.isAfter(LocalDate.parse(toDate)); d = d.plusDays(1)) {
            events.addAll(sessionAt(d + "T20:30"));
        }
        return events;
    }

    private static Adherence.RoutineAdherence stretches(Adherence adherence) {
        return adherence.routines().stream().filter(r -> r.routineId().equals(STRETCHES)).findFirst().orElseThrow();
    }

    @Test
    void aSessionOnEveryPlannedDayIsFullAdherenceAndTodaysOpenOccurrenceIsPending() {
        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-02")),
                sessionsEveryEvening("2026-11-02", "2026-11-22"), at("2026-11-23T10:00"));

        assertThat(a.asOf()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(a.timeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(a.sessionAdherence7()).isEqualTo(1.0);
        assertThat(a.sessionAdherence28()).isEqualTo(1.0);
        assertThat(a.adherent()).isTrue();
        assertThat(stretches(a).closed28()).isEqualTo(21);
        assertThat(stretches(a).pendingToday()).isTrue();
        assertThat(stretches(a).streak()).isEqualTo(21);
        assertThat(stretches(a).doseAdherence7()).isEqualTo(1.0);
    }

    @Test
    void aPlannedDayThatEndsWithoutASessionCountsAsMissed() {
        List<Activity> events = sessionsEveryEvening("2026-11-16", "2026-11-21");

        Adherence beforeMidnight = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-16")), events,
                at("2026-11-22T23:59"));
        Adherence afterMidnight = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-16")), events,
                at("2026-11-23T00:01"));

        assertThat(beforeMidnight.sessionAdherence28()).isEqualTo(1.0);
        assertThat(afterMidnight.sessionAdherence28()).isEqualTo(6.0 / 7);
        assertThat(stretches(afterMidnight).streak()).isZero();
    }

    @Test
    void withNothingDueAdherenceIsUnknownNotZero() {
        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-23")), List.of(),
                at("2026-11-23T10:00"));

        assertThat(a.sessionAdherence7()).isNull();
        assertThat(a.adherent()).isNull();
        assertThat(stretches(a).doseAdherence28()).isNull();
    }

    @Test
    void adherentMeansAtLeast80PercentOver28Days() {
        List<Activity> events = sessionsEveryEvening("2026-11-13", "2026-11-22");
        events.removeIf(e -> e.time().isBefore(at("2026-11-15T00:00"))); // 8 of 10 done
        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-13")), events,
                at("2026-11-23T10:00"));

        assertThat(a.sessionAdherence28()).isEqualTo(0.8);
        assertThat(a.adherent()).isTrue();
    }

    @Test
    void sessionsLateInTheEveningOfDaylightSavingDaysCountForTheirLocalDate() {
        // Amsterdam leaves summer time on 25 October 2026: that day has 25 hours.
        List<Activity> events = new ArrayList<>();
        events.addAll(sessionAt("2026-10-24T23:30"));
        events.addAll(sessionAt("2026-10-25T23:30"));
        events.addAll(sessionAt("2026-10-26T00:30"));
        // and enters it on 29 March 2026: that day has 23 hours.
        events.addAll(sessionAt("2026-03-29T23:30"));
        PlanVersion plan = plan(1, AMSTERDAM, DAILY, "2026-10-24", at("2026-10-01T08:00"), STRETCHES_V1);

        Adherence a = AdherenceCalculator.calculate(List.of(plan), events, at("2026-10-27T00:10"));

        assertThat(stretches(a).closed7()).isEqualTo(3);
        assertThat(stretches(a).completed7()).isEqualTo(3);

        PlanVersion spring = plan(1, AMSTERDAM, DAILY, "2026-03-28", at("2026-03-01T08:00"), STRETCHES_V1);
        Adherence march = AdherenceCalculator.calculate(List.of(spring), events, at("2026-03-30T09:00"));
        assertThat(march.sessionAdherence7()).isEqualTo(0.5); // 28 March missed, 29 March done in its last hour
    }

    @Test
    void aPlanWhoseTimeZoneChangesCountsEachDateInTheZoneOfThePlanInForce() {
        PlanVersion amsterdam = plan(1, AMSTERDAM, DAILY, "2026-11-02", at("2026-11-02T08:00"), STRETCHES_V1);
        PlanVersion newYork = plan(2, NEW_YORK, DAILY, "2026-11-02", Instant.parse("2026-11-10T12:00:00Z"), STRETCHES_V1);
        List<Activity> events = new ArrayList<>(sessionsEveryEvening("2026-11-02", "2026-11-09"));
        // 21:00 in New York on the 10th is 03:00 on the 11th in Amsterdam: it still counts for the 10th.
        Instant lateInNewYork = at("2026-11-10T21:00", NEW_YORK);
        events.add(started("ny-1", lateInNewYork));
        events.add(completed("ny-1", lateInNewYork, lateInNewYork.plusSeconds(900)));

        Adherence a = AdherenceCalculator.calculate(List.of(newYork, amsterdam), events, at("2026-11-11T12:00", NEW_YORK));

        assertThat(a.timeZone()).isEqualTo("America/New_York");
        assertThat(a.planVersion()).isEqualTo(2);
        assertThat(a.asOf()).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(stretches(a).closed28()).isEqualTo(9);
        assertThat(stretches(a).completed28()).isEqualTo(9);
        assertThat(stretches(a).pendingToday()).isTrue();
    }

    @Test
    void aPlanChangedMidWindowNeverRewritesThePast() {
        PlanVersion daily = plan(1, AMSTERDAM, DAILY, "2026-11-02", at("2026-11-02T08:00"), STRETCHES_V1);
        PlanVersion threeDays = plan(2, AMSTERDAM, MON_WED_FRI, "2026-11-01", at("2026-11-11T09:00"), STRETCHES_V1);

        Adherence a = AdherenceCalculator.calculate(List.of(daily, threeDays), List.of(), at("2026-11-23T00:30"));

        // 2–10 Nov daily under version 1 (9), then Wed 11, Fri 13, Mon 16, Wed 18, Fri 20 under version 2 (5).
        assertThat(stretches(a).closed28()).isEqualTo(14);
        assertThat(stretches(a).closed7()).isEqualTo(2); // Wed 18, Fri 20; Mon 23 is today, pending
        assertThat(stretches(a).pendingToday()).isTrue();
        assertThat(a.sessionAdherence28()).isEqualTo(0.0);
    }

    @Test
    void aPausedOrEndedPlanHasNoOccurrences() {
        PlanVersion daily = dailyStretches("2026-11-02");
        PlanVersion paused = new PlanVersion(2, PlanVersion.Status.PAUSED, AMSTERDAM, DAILY,
                LocalDate.parse("2026-11-02"), null, at("2026-11-16T09:00"), List.of(STRETCHES_V1));
        PlanVersion ended = new PlanVersion(3, PlanVersion.Status.ACTIVE, AMSTERDAM, DAILY,
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-20"), at("2026-11-19T09:00"), List.of(STRETCHES_V1));

        Adherence a = AdherenceCalculator.calculate(List.of(daily, paused), List.of(), at("2026-11-23T10:00"));
        Adherence b = AdherenceCalculator.calculate(List.of(daily, ended), List.of(), at("2026-11-23T10:00"));

        assertThat(stretches(a).closed28()).isEqualTo(14); // 2–15 Nov
        assertThat(stretches(b).closed28()).isEqualTo(19); // 2–20 Nov
    }

    @Test
    void aSessionAcrossMidnightCountsForTheDayItBegan() {
        Instant start = at("2026-11-20T23:50");
        List<Activity> events = List.of(started("s-1", start), completed("s-1", start, at("2026-11-21T00:20")));

        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-20")), events,
                at("2026-11-22T00:30"));

        assertThat(stretches(a).completed7()).isEqualTo(1);
        assertThat(stretches(a).closed7()).isEqualTo(2); // 20th done, 21st missed
    }

    @Test
    void aLateEventTurnsAMissedDayIntoACompletedOneAsIfItHadArrivedInOrder() {
        List<Activity> inOrder = sessionsEveryEvening("2026-11-16", "2026-11-22");
        List<Activity> withoutLast = inOrder.subList(0, inOrder.size() - 2);
        Instant now = at("2026-11-24T09:00");
        PlanVersion plan = dailyStretches("2026-11-16");

        Adherence beforeLateEvents = AdherenceCalculator.calculate(List.of(plan), withoutLast, now);
        List<Activity> lateArrival = new ArrayList<>(withoutLast);
        lateArrival.addAll(inOrder.subList(inOrder.size() - 2, inOrder.size()));

        assertThat(beforeLateEvents.sessionAdherence28()).isEqualTo(6.0 / 8);
        assertThat(AdherenceCalculator.calculate(List.of(plan), lateArrival, now))
                .isEqualTo(AdherenceCalculator.calculate(List.of(plan), inOrder, now));
        assertThat(AdherenceCalculator.calculate(List.of(plan), lateArrival, now).sessionAdherence28())
                .isEqualTo(7.0 / 8);
    }

    @Test
    void aDuplicateEventChangesNothing() {
        List<Activity> events = sessionsEveryEvening("2026-11-16", "2026-11-22");
        List<Activity> duplicated = new ArrayList<>(events);
        duplicated.addAll(events);
        duplicated.add(events.get(3));
        PlanVersion plan = dailyStretches("2026-11-16");

        assertThat(AdherenceCalculator.calculate(List.of(plan, plan), duplicated, at("2026-11-23T09:00")))
                .isEqualTo(AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-23T09:00")));
    }

    @Test
    void aCompletionThatArrivesBeforeItsStartCountsTheSame() {
        Instant start = at("2026-11-20T20:00");
        Activity.SessionStarted started = started("s-1", start);
        Activity.SessionCompleted completed = completed("s-1", start, start.plusSeconds(900));
        PlanVersion plan = dailyStretches("2026-11-20");

        Adherence reversed = AdherenceCalculator.calculate(List.of(plan), List.of(completed, started), at("2026-11-21T09:00"));
        Adherence inOrder = AdherenceCalculator.calculate(List.of(plan), List.of(started, completed), at("2026-11-21T09:00"));

        assertThat(reversed).isEqualTo(inOrder);
        assertThat(reversed.sessionAdherence7()).isEqualTo(1.0);
        assertThat(stretches(reversed).abandoned28()).isZero();
    }

    @Test
    void aCompletionWithoutAStartEventStillCountsForTheDayItsStartedAtNames() {
        Activity.SessionCompleted completed = completed("s-1", at("2026-11-20T23:55"), at("2026-11-21T00:15"));

        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-20")), List.of(completed),
                at("2026-11-21T09:00"));

        assertThat(a.sessionAdherence7()).isEqualTo(1.0);
    }

    @Test
    void extraSessionsOnTheSameDayOrOnUnplannedDaysAddNothing() {
        PlanVersion plan = plan(1, AMSTERDAM, MON_WED_FRI, "2026-11-16", at("2026-11-16T08:00"), STRETCHES_V1);
        List<Activity> events = new ArrayList<>();
        events.addAll(sessionAt("2026-11-16T08:00"));
        events.addAll(sessionAt("2026-11-16T20:00"));
        events.addAll(sessionAt("2026-11-17T20:00")); // Tuesday: not planned

        Adherence a = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-19T09:00"));

        assertThat(stretches(a).completed7()).isEqualTo(1);
        assertThat(stretches(a).closed7()).isEqualTo(2); // Monday done, Wednesday missed
        assertThat(a.sessionAdherence7()).isEqualTo(0.5);
    }

    @Test
    void aPainStopExcusesItsOccurrenceWhichCountsNeitherForNorAgainst() {
        Instant start = at("2026-11-21T20:00");
        List<Activity> events = new ArrayList<>(sessionsEveryEvening("2026-11-20", "2026-11-20"));
        events.add(started("s-pain", start));
        events.add(painStop("s-pain", start, start.plusSeconds(300), 4, false));

        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-20")), events,
                at("2026-11-22T09:00"));

        assertThat(a.sessionAdherence7()).isEqualTo(1.0);
        assertThat(stretches(a).excused28()).isEqualTo(1);
        assertThat(stretches(a).abandoned28()).isZero();
        assertThat(a.pain().painStops7()).isEqualTo(1);
        assertThat(a.pain().anySharp28()).isFalse();
    }

    @Test
    void aSharpPainStopExcusesEveryPlannedDayThe48HourSafetyPauseOverlaps() {
        Instant start = at("2026-11-20T20:00");
        List<Activity> events = List.of(started("s-1", start), painStop("s-1", start, at("2026-11-20T20:05"), 5, true));

        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-20")), events,
                at("2026-11-24T09:00"));

        // 20th (stopped), 21st and 22nd (pause until 22nd 20:05) excused; 23rd missed.
        assertThat(stretches(a).excused28()).isEqualTo(3);
        assertThat(stretches(a).closed28()).isEqualTo(1);
        assertThat(a.pain().maxPain28()).isEqualTo(5);
        assertThat(a.pain().anySharp28()).isTrue();
    }

    @Test
    void painOfSevenReportedLaterAlsoStartsASafetyPause() {
        List<Activity> events = List.of(painReported(at("2026-11-21T07:30"), 7, false));

        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-20")), events,
                at("2026-11-24T09:00"));

        // 20th missed; 21st, 22nd and 23rd (pause until 07:30) excused.
        assertThat(stretches(a).excused28()).isEqualTo(3);
        assertThat(stretches(a).closed28()).isEqualTo(1);
        assertThat(a.pain().painStops28()).isZero();
        assertThat(a.pain().maxPain28()).isEqualTo(7);
    }

    @Test
    void aCompletedSessionBeatsAnExcuse() {
        Instant stop = at("2026-11-21T08:00");
        List<Activity> events = new ArrayList<>();
        events.add(painStop("s-1", stop.minusSeconds(300), stop, 8, true, "leg-weakness-worsening"));
        events.addAll(sessionAt("2026-11-21T20:00"));

        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-21")), events,
                at("2026-11-22T09:00"));

        assertThat(stretches(a).completed7()).isEqualTo(1);
        assertThat(stretches(a).closed7()).isEqualTo(1);
        assertThat(stretches(a).excused28()).isEqualTo(1); // today, still inside the 48 h pause
        assertThat(a.pain().anyRedFlag28()).isTrue();
    }

    @Test
    void aSessionStartedAndNeitherCompletedNorPainStoppedWithinTwoHoursIsAbandonedAndCompletesNothing() {
        Instant start = at("2026-11-22T19:00");
        List<Activity> events = List.of(started("s-1", start));
        PlanVersion plan = dailyStretches("2026-11-22");

        Adherence stillRunning = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-22T20:59"));
        Adherence abandoned = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-22T21:00"));
        Adherence nextDay = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-23T09:00"));

        assertThat(stretches(stillRunning).abandoned28()).isZero();
        assertThat(stretches(abandoned).abandoned28()).isEqualTo(1);
        assertThat(stretches(abandoned).pendingToday()).isTrue();
        assertThat(nextDay.sessionAdherence7()).isEqualTo(0.0);
        assertThat(stretches(nextDay).excused28()).isZero();
    }

    @Test
    void doseCountsEachSideAndPositionAsItsOwnHoldDoneAt95PercentOfItsSeconds() {
        Instant start = at("2026-11-20T20:31");
        List<Activity.ReportedHold> holds = List.of( // as in events/examples/session-completed.json
                new Activity.ReportedHold("knees-to-chest", "both", 62, null),
                new Activity.ReportedHold("forward-fold", "centre", 60, null),
                new Activity.ReportedHold("childs-pose", "centre", 61, null),
                new Activity.ReportedHold("childs-pose", "right", 60, null),
                new Activity.ReportedHold("childs-pose", "left", 58, null),
                new Activity.ReportedHold("crossover", "right", 60, null),
                new Activity.ReportedHold("crossover", "left", 45, null),
                new Activity.ReportedHold("doorway-hamstring", "right", 60, null));
        // doorway-hamstring left not reported: not done

        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-20")),
                List.of(completed("s-1", STRETCHES, start, start.plusSeconds(700), holds)), at("2026-11-21T09:00"));

        assertThat(stretches(a).doseAdherence7()).isEqualTo(7.0 / 9);
    }

    @Test
    void doseCountsEachPlankSetAndRepsAgainstThePrescription() {
        PlanVersion core = plan(1, NEW_YORK, MON_WED_FRI, "2026-11-16", at("2026-11-16T08:00", NEW_YORK), CORE_V1);
        Instant start = at("2026-11-16T07:15", NEW_YORK);
        List<Activity.ReportedHold> holds = List.of(
                new Activity.ReportedHold("plank", "set-1", 60, null),
                new Activity.ReportedHold("plank", "set-2", 57, null),
                new Activity.ReportedHold("plank", "set-3", 56, null),
                new Activity.ReportedHold("bridge", "set-1", null, 10),
                new Activity.ReportedHold("bridge", "set-2", null, 9));

        Adherence a = AdherenceCalculator.calculate(List.of(core),
                List.of(completed("c-1", CORE, start, start.plusSeconds(900), holds)), at("2026-11-17T09:00", NEW_YORK));

        assertThat(a.routines().get(0).doseAdherence7()).isEqualTo(3.0 / 5);
    }

    @Test
    void aStreakSkipsExcusedOccurrencesAndUnplannedDays() {
        PlanVersion plan = plan(1, AMSTERDAM, MON_WED_FRI, "2026-11-09", at("2026-11-09T08:00"), STRETCHES_V1);
        List<Activity> events = new ArrayList<>();
        events.addAll(sessionAt("2026-11-13T20:00")); // Fri
        events.addAll(sessionAt("2026-11-16T20:00")); // Mon
        Instant wed = at("2026-11-18T20:00");
        events.add(painStop("s-wed", wed, wed.plusSeconds(120), 3, false)); // Wed excused
        events.addAll(sessionAt("2026-11-20T20:00")); // Fri

        Adherence a = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-22T12:00"));

        assertThat(stretches(a).streak()).isEqualTo(3); // Mon 9th and Wed 11th were missed
    }

    @Test
    void habitStrengthOfADailyPlanDoneEveryDayHalvesItsDistanceToOneIn13Days() {
        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-02")),
                sessionsEveryEvening("2026-11-02", "2026-11-14"), at("2026-11-15T10:00"));

        assertThat(stretches(a).habitStrength()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void habitStrengthCountsTodayOnceTodaysOccurrenceIsClosed() {
        PlanVersion plan = dailyStretches("2026-11-02");
        List<Activity> events = sessionsEveryEvening("2026-11-02", "2026-11-15");

        Adherence a = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-15T23:00"));

        assertThat(stretches(a).habitStrength()).isCloseTo(1 - Math.pow(HabitStrength.multiplier(1.0), 14), within(1e-12));
    }

    @Test
    void habitStrengthOfAThreeDayPlanMovesOnEveryDayWithTheLatestOutcomeAndSlowerThanADailyOne() {
        PlanVersion plan = plan(1, AMSTERDAM, MON_WED_FRI, "2026-11-16", at("2026-11-16T08:00"), STRETCHES_V1);
        List<Activity> events = new ArrayList<>(sessionAt("2026-11-16T20:00"));

        // Mon done; Tue (still Mon's outcome) counts; today (Wed) is pending and not counted.
        Adherence a = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-18T10:00"));

        double m = HabitStrength.multiplier(3 / 7.0);
        assertThat(m).isGreaterThan(HabitStrength.multiplier(1.0));
        assertThat(stretches(a).habitStrength()).isCloseTo(1 - m * m, within(1e-12));
    }

    @Test
    void habitStrengthIsUnchangedOnExcusedDaysAndBeforeTheFirstClosedOccurrence() {
        PlanVersion plan = dailyStretches("2026-11-16");
        Instant start = at("2026-11-16T20:00");
        List<Activity> events = new ArrayList<>();
        events.add(painStop("s-1", start, start.plusSeconds(60), 2, false)); // Mon excused
        events.addAll(sessionAt("2026-11-17T20:00")); // Tue done

        Adherence a = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-18T10:00"));

        assertThat(stretches(a).habitStrength()).isCloseTo(1 - HabitStrength.multiplier(1.0), within(1e-12));
    }

    @Test
    void painStatisticsCoverTheWindows() {
        List<Activity> events = new ArrayList<>();
        Instant old = at("2026-10-22T20:00"); // outside the 28 days ending 22 Nov
        events.add(painStop("s-old", old, old.plusSeconds(60), 9, true));
        Instant recent = at("2026-11-20T20:00");
        events.add(painStop("s-new", recent, recent.plusSeconds(60), 3, false, "saddle-numbness"));

        Adherence a = AdherenceCalculator.calculate(List.of(dailyStretches("2026-10-20")), events,
                at("2026-11-22T10:00"));

        assertThat(a.pain()).isEqualTo(new Adherence.Pain(1, 1, 1, 3, false, true));
        assertThat(a.lastSessionEventAt()).isEqualTo(recent.plusSeconds(60));
    }

    @Test
    void withoutAPlanThereIsNothingToAdhereTo() {
        Adherence a = AdherenceCalculator.calculate(List.of(), sessionAt("2026-11-20T20:00"), at("2026-11-22T10:00"));

        assertThat(a.routines()).isEmpty();
        assertThat(a.sessionAdherence28()).isNull();
    }

    @Test
    void theOrderOfEventsDoesNotMatter() {
        List<Activity> events = sessionsEveryEvening("2026-11-10", "2026-11-20");
        List<Activity> shuffled = new ArrayList<>(events);
        Collections.reverse(shuffled);

        assertThat(AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-10")), shuffled, at("2026-11-22T10:00")))
                .isEqualTo(AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-10")), events, at("2026-11-22T10:00")));
    }

    @Test
    void adherenceIsReevaluatedAtTheEndOfTheLocalDayOrWhenARunningSessionBecomesAbandoned() {
        PlanVersion plan = dailyStretches("2026-11-20");

        assertThat(AdherenceCalculator.nextReevaluation(List.of(plan), List.of(), at("2026-11-22T10:00")))
                .isEqualTo(at("2026-11-23T00:00"));
        assertThat(AdherenceCalculator.nextReevaluation(List.of(plan), List.of(started("s-1", at("2026-11-22T19:00"))),
                at("2026-11-22T19:30"))).isEqualTo(at("2026-11-22T21:00"));
    }
}
