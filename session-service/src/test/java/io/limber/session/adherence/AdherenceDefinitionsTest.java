package io.limber.session.adherence;

import static io.limber.session.adherence.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four definitions design.md settles (dose scope, habit strength without an active plan, a session's date across
 * a change of zone, the safety pause's triggers), each pinned by the figures it produces.
 */
class AdherenceDefinitionsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private static Adherence.RoutineAdherence stretches(Adherence adherence) {
        return adherence.routines().stream().filter(r -> r.routineId().equals(STRETCHES)).findFirst().orElseThrow();
    }

    private static List<Activity> sessionIn(ZoneId zone, String localStart) {
        Instant start = at(localStart, zone);
        String id = "s-" + zone.getId() + "-" + localStart;
        return List.of(started(id, start), completed(id, start, start.plusSeconds(1200)));
    }

    private static List<Activity> eveningsIn(ZoneId zone, String fromDate, String toDate) {
        List<Activity> events = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(fromDate); !d.isAfter(LocalDate.parse(toDate)); d = d.plusDays(1)) {
            events.addAll(sessionIn(zone, d + "T20:00"));
        }
        return events;
    }

    private static Activity.SessionCompleted completedWith(String session, String localStart, int holdsDone) {
        Instant start = at(localStart);
        return completed(session, STRETCHES, start, start.plusSeconds(900), fullStretches().subList(0, holdsDone));
    }

    // 1. Dose scope ----------------------------------------------------------------------------------------------

    @Test
    void doseCountsOnlyTheBestSessionCompletingEachPlannedOccurrence() {
        PlanVersion plan = plan(1, AMSTERDAM, MON_WED_FRI, "2026-11-16", at("2026-11-10T08:00"), STRETCHES_V1);
        List<Activity> events = List.of(
                completedWith("before-start", "2026-11-13T20:00", 2), // Friday before the start date: not planned
                completedWith("mon-morning", "2026-11-16T08:00", 3),  // Monday, then a better one that evening
                completedWith("mon-evening", "2026-11-16T20:00", 9),
                completedWith("tuesday", "2026-11-17T20:00", 1),      // unplanned day
                completedWith("wednesday", "2026-11-18T20:00", 6));

        Adherence a = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-19T09:00"));

        // Monday's best 9 of 9 and Wednesday's 6 of 9; Friday 13th, Monday morning and Tuesday add nothing
        assertThat(stretches(a).doseAdherence7()).isEqualTo(15.0 / 18);
        assertThat(stretches(a).doseAdherence28()).isEqualTo(15.0 / 18);
        assertThat(stretches(a).completed7()).isEqualTo(2);
    }

    @Test
    void sessionsOnlyOnUnplannedDaysOrBeforeThePlanStartsLeaveDoseUnknown() {
        PlanVersion plan = plan(1, AMSTERDAM, MON_WED_FRI, "2026-11-18", at("2026-11-10T08:00"), STRETCHES_V1);
        List<Activity> events = List.of(completedWith("monday-before-start", "2026-11-16T20:00", 9),
                completedWith("tuesday", "2026-11-17T20:00", 9), completedWith("thursday", "2026-11-19T20:00", 9));

        Adherence a = AdherenceCalculator.calculate(List.of(plan), events, at("2026-11-20T09:00"));

        assertThat(stretches(a).doseAdherence7()).isNull();
        assertThat(stretches(a).closed7()).isEqualTo(1); // Wednesday 18th, missed
        assertThat(a.sessionAdherence7()).isEqualTo(0.0);
    }

    // 2. Habit strength without an active plan --------------------------------------------------------------------

    @Test
    void habitStrengthIsUnchangedOnEveryDayAfterThePlansEndDate() {
        PlanVersion open = dailyStretches("2026-11-02");
        PlanVersion ending = new PlanVersion(2, PlanVersion.Status.ACTIVE, AMSTERDAM, DAILY,
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-10"), at("2026-11-05T09:00"),
                List.of(STRETCHES_V1));
        List<Activity> events = eveningsIn(AMSTERDAM, "2026-11-02", "2026-11-10");

        Adherence a = AdherenceCalculator.calculate(List.of(open, ending), events, at("2026-11-20T10:00"));

        // nine days done, 2–10 Nov; 11–19 Nov have no active plan and leave the score where it was
        assertThat(stretches(a).habitStrength())
                .isCloseTo(1 - Math.pow(HabitStrength.multiplier(1.0), 9), within(1e-12));
    }

    @Test
    void habitStrengthIsUnchangedOnEveryDayBeforeTheStartDateOfTheVersionInForce() {
        PlanVersion first = dailyStretches("2026-11-02");
        PlanVersion restartsLater = plan(2, AMSTERDAM, DAILY, "2026-11-12", at("2026-11-05T09:00"), STRETCHES_V1);
        List<Activity> events = new ArrayList<>(eveningsIn(AMSTERDAM, "2026-11-02", "2026-11-04"));
        events.addAll(eveningsIn(AMSTERDAM, "2026-11-12", "2026-11-13"));

        Adherence a = AdherenceCalculator.calculate(List.of(first, restartsLater), events, at("2026-11-14T10:00"));

        // 2–4 and 12–13 Nov move it; 5–11 Nov are before version 2's start and leave it unchanged
        assertThat(stretches(a).habitStrength())
                .isCloseTo(1 - Math.pow(HabitStrength.multiplier(1.0), 5), within(1e-12));
    }

    @Test
    void habitStrengthIsUnchangedOnEveryDayThePlanIsPaused() {
        PlanVersion active = dailyStretches("2026-11-02");
        PlanVersion paused = new PlanVersion(2, PlanVersion.Status.PAUSED, AMSTERDAM, DAILY,
                LocalDate.parse("2026-11-02"), null, at("2026-11-05T09:00"), List.of(STRETCHES_V1));
        PlanVersion resumed = plan(3, AMSTERDAM, DAILY, "2026-11-02", at("2026-11-12T09:00"), STRETCHES_V1);
        List<Activity> events = new ArrayList<>(eveningsIn(AMSTERDAM, "2026-11-02", "2026-11-04"));
        events.addAll(eveningsIn(AMSTERDAM, "2026-11-12", "2026-11-13"));

        Adherence a = AdherenceCalculator.calculate(List.of(active, paused, resumed), events, at("2026-11-14T10:00"));

        assertThat(stretches(a).habitStrength())
                .isCloseTo(1 - Math.pow(HabitStrength.multiplier(1.0), 5), within(1e-12));
    }

    @Test
    void habitStrengthFromACheckpointIsUnchangedAfterThePlansEndDateAsInTheFullCalculation() {
        PlanVersion ending = new PlanVersion(1, PlanVersion.Status.ACTIVE, AMSTERDAM, DAILY,
                LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-10"), at("2026-09-01T08:00"),
                List.of(STRETCHES_V1));
        List<PlanVersion> plan = List.of(ending);
        List<Activity> events = eveningsIn(AMSTERDAM, "2026-09-01", "2026-10-10");
        double forty = 1 - Math.pow(HabitStrength.multiplier(1.0), 40); // 1 Sep – 10 Oct, every day done

        // one checkpoint before the end date (4 Oct), one after it (23 Oct)
        AdherenceCheckpoint beforeEnd = AdherenceCalculator.calculate(plan, events, at("2026-11-01T10:00"),
                AdherenceCheckpoint.NONE).checkpoint();
        AdherenceCalculator.Calculation acrossEnd = AdherenceCalculator.calculate(plan, events,
                at("2026-11-20T10:00"), beforeEnd);
        AdherenceCalculator.Calculation afterEnd = AdherenceCalculator.calculate(plan, events,
                at("2026-12-15T10:00"), acrossEnd.checkpoint());

        assertThat(beforeEnd.closedThrough()).isEqualTo(LocalDate.parse("2026-10-04"));
        assertThat(acrossEnd.checkpoint().closedThrough()).isEqualTo(LocalDate.parse("2026-10-23"));
        assertThat(stretches(acrossEnd.adherence()).habitStrength()).isCloseTo(forty, within(1e-12));
        assertThat(stretches(afterEnd.adherence()).habitStrength()).isCloseTo(forty, within(1e-12));
        assertThat(acrossEnd.adherence()).isEqualTo(AdherenceCalculator.calculate(plan, events, at("2026-11-20T10:00")));
        assertThat(afterEnd.adherence()).isEqualTo(AdherenceCalculator.calculate(plan, events, at("2026-12-15T10:00")));
    }

    // 3. A session's date across a change of zone ---------------------------------------------------------------

    /** Tokyo, then Los Angeles from 12:00 Tokyo on 10 November (19:00 on the 9th in Los Angeles). */
    private static final PlanVersion IN_TOKYO = plan(1, TOKYO, DAILY, "2026-11-02", at("2026-11-02T08:00", TOKYO),
            STRETCHES_V1);
    private static final PlanVersion MOVED_TO_LOS_ANGELES = plan(2, LOS_ANGELES, DAILY, "2026-11-02",
            at("2026-11-10T12:00", TOKYO), STRETCHES_V1);

    @Test
    void aSessionInTheHoursATokyoToLosAngelesChangeSkipsCountsForItsTokyoDate() {
        // 9 November runs, by the plans in force, from 17:00 Tokyo (midnight in Los Angeles): a session at 10:00 Tokyo
        // that morning lies between the end of the 8th in Tokyo and the start of the 9th in Los Angeles.
        List<Activity> events = new ArrayList<>(eveningsIn(TOKYO, "2026-11-02", "2026-11-08"));
        events.addAll(sessionIn(TOKYO, "2026-11-09T10:00"));
        PlanCalendar calendar = new PlanCalendar(List.of(IN_TOKYO, MOVED_TO_LOS_ANGELES));

        Adherence a = AdherenceCalculator.calculate(List.of(IN_TOKYO, MOVED_TO_LOS_ANGELES), events,
                at("2026-11-10T09:00", LOS_ANGELES));

        assertThat(calendar.dateOf(at("2026-11-09T10:00", TOKYO))).isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(a.asOf()).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(stretches(a).closed7()).isEqualTo(6); // 4–9 Nov; the 10th is today
        assertThat(stretches(a).completed7()).isEqualTo(6);
        assertThat(stretches(a).completed28()).isEqualTo(8); // 2–9 Nov, none lost
        assertThat(a.sessionAdherence28()).isEqualTo(1.0);
    }

    @Test
    void sessionsJustBeforeAndAfterATokyoToLosAngelesChangeCountForTheirLocalDateInTheZoneThenPublished() {
        Instant shortlyBefore = at("2026-11-10T11:00", TOKYO);
        Instant shortlyAfter = at("2026-11-10T13:00", TOKYO); // 20:00 on the 9th in Los Angeles
        List<Activity> events = new ArrayList<>(eveningsIn(TOKYO, "2026-11-02", "2026-11-08"));
        events.addAll(sessionIn(TOKYO, "2026-11-10T11:00"));
        events.addAll(sessionIn(TOKYO, "2026-11-10T13:00"));
        PlanCalendar calendar = new PlanCalendar(List.of(IN_TOKYO, MOVED_TO_LOS_ANGELES));

        Adherence a = AdherenceCalculator.calculate(List.of(IN_TOKYO, MOVED_TO_LOS_ANGELES), events,
                at("2026-11-11T09:00", LOS_ANGELES));

        assertThat(calendar.dateOf(shortlyBefore)).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(calendar.dateOf(shortlyAfter)).isEqualTo(LocalDate.parse("2026-11-09"));
        // 2–8 Nov in Tokyo, the 9th by the session in Los Angeles, the 10th by the one in Tokyo before the move
        assertThat(stretches(a).closed28()).isEqualTo(9);
        assertThat(stretches(a).completed28()).isEqualTo(9);
    }

    /** Los Angeles, then Tokyo from 12:00 Los Angeles on 10 November (05:00 on the 11th in Tokyo). */
    private static final PlanVersion IN_LOS_ANGELES = plan(1, LOS_ANGELES, DAILY, "2026-11-02",
            at("2026-11-02T08:00", LOS_ANGELES), STRETCHES_V1);
    private static final PlanVersion MOVED_TO_TOKYO = plan(2, TOKYO, DAILY, "2026-11-02",
            at("2026-11-10T12:00", LOS_ANGELES), STRETCHES_V1);

    @Test
    void sessionsInTheHoursWhereALosAngelesToTokyoChangeOverlapsTwoDatesCountOnceEachForTheirOwnDate() {
        // The 10th in Los Angeles ends at 17:00 on the 11th in Tokyo; the 11th in Tokyo began at 07:00 on the 10th in
        // Los Angeles: a session in between belongs to one of them, by the zone published when it started.
        Instant beforeChange = at("2026-11-10T10:00", LOS_ANGELES);
        Instant afterChange = at("2026-11-10T14:00", LOS_ANGELES); // 07:00 on the 11th in Tokyo
        List<Activity> events = new ArrayList<>(sessionIn(LOS_ANGELES, "2026-11-10T10:00"));
        events.addAll(sessionIn(LOS_ANGELES, "2026-11-10T14:00"));
        PlanCalendar calendar = new PlanCalendar(List.of(IN_LOS_ANGELES, MOVED_TO_TOKYO));

        Adherence a = AdherenceCalculator.calculate(List.of(IN_LOS_ANGELES, MOVED_TO_TOKYO), events,
                at("2026-11-12T09:00", TOKYO));

        assertThat(calendar.dateOf(beforeChange)).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(calendar.dateOf(afterChange)).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(stretches(a).closed28()).isEqualTo(10); // 2–11 Nov
        assertThat(stretches(a).completed28()).isEqualTo(2);
    }

    @Test
    void aroundAChangeOfZoneEitherWayEverySessionCompletesExactlyOneOccurrenceAndALaterChangeNeverMovesIt() {
        for (List<PlanVersion> change : List.of(List.of(IN_TOKYO, MOVED_TO_LOS_ANGELES),
                List.of(IN_LOS_ANGELES, MOVED_TO_TOKYO))) {
            PlanCalendar before = new PlanCalendar(change.subList(0, 1));
            PlanCalendar after = new PlanCalendar(change);
            Instant published = change.get(1).publishedAt();
            Instant now = published.plus(Duration.ofDays(3));
            for (Instant t = published.minus(Duration.ofHours(36)); t.isBefore(published.plus(Duration.ofHours(36)));
                 t = t.plus(Duration.ofMinutes(30))) {
                String what = change.get(0).zone() + " -> " + change.get(1).zone() + ", session at " + t;
                Adherence a = AdherenceCalculator.calculate(change,
                        List.of(started("s", t), completed("s", t, t.plusSeconds(900))), now);

                assertThat(stretches(a).completed28()).as(what).isEqualTo(1);
                if (!t.isAfter(published)) { // a version counts from just after its publication
                    assertThat(after.dateOf(t)).as(what).isEqualTo(before.dateOf(t));
                } else {
                    assertThat(after.dateOf(t)).as(what).isEqualTo(LocalDate.ofInstant(t, change.get(1).zone()));
                }
            }
        }
    }

    // 4. Safety pause triggers --------------------------------------------------------------------------------------

    /**
     * A daily plan from 20 November, done on the 20th, with a session stopped for pain at 20:05 on the 21st and
     * whatever else is given; the figures on the 25th (20th–24th closed).
     */
    private static Adherence.RoutineAdherence afterAPainStop(int pain, boolean sharp, String... redFlags) {
        Instant start = at("2026-11-21T20:00");
        List<Activity> events = new ArrayList<>(sessionAt("2026-11-20T20:00"));
        events.add(started("s-pain", start));
        events.add(painStop("s-pain", start, start.plusSeconds(300), pain, sharp, redFlags));
        return stretches(AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-20")), events,
                at("2026-11-25T09:00")));
    }

    @Test
    void aSharpPainStopExcusesTheTwoDaysAfterItsOwnWhichThe48HourPauseOverlaps() {
        Adherence.RoutineAdherence r = afterAPainStop(3, true);

        // 21st excused by the stop itself, 22nd and 23rd by the pause (until the 23rd 20:05), 24th missed
        assertThat(r.excused28()).isEqualTo(3);
        assertThat(r.closed28()).isEqualTo(2);
        assertThat(r.completed28()).isEqualTo(1);
    }

    @Test
    void aPainStopAtSevenNotSharpAlsoStartsTheSafetyPause() {
        assertThat(afterAPainStop(7, false).excused28()).isEqualTo(3);
        assertThat(afterAPainStop(7, false).closed28()).isEqualTo(2);
    }

    @Test
    void aPainStopWithARedFlagStartsTheSafetyPauseWhateverThePain() {
        assertThat(afterAPainStop(1, false, "saddle-numbness").excused28()).isEqualTo(3);
        assertThat(afterAPainStop(1, false, "saddle-numbness").closed28()).isEqualTo(2);
    }

    @Test
    void aPainStopAtSixNotSharpWithoutARedFlagExcusesOnlyItsOwnOccurrence() {
        Adherence.RoutineAdherence r = afterAPainStop(6, false);

        assertThat(r.excused28()).isEqualTo(1);
        assertThat(r.closed28()).isEqualTo(4); // 20th done, 22nd–24th missed
        assertThat(r.completed28()).isEqualTo(1);
    }

    /** A daily plan from 20 November, done on the 20th and 21st, and a pain report at 21:00 on the 21st. */
    private static Adherence.RoutineAdherence afterAPainReport(int pain) {
        List<Activity> events = new ArrayList<>(sessionAt("2026-11-20T20:00"));
        events.addAll(sessionAt("2026-11-21T20:00"));
        events.add(painReported(at("2026-11-21T21:00"), pain, false));
        return stretches(AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-20")), events,
                at("2026-11-25T09:00")));
    }

    @Test
    void aPainReportOfSevenStartsThePauseAndExcusesTheDaysItOverlapsButNotACompletedOne() {
        Adherence.RoutineAdherence r = afterAPainReport(7);

        // 21st completed (completed beats excused), 22nd and 23rd excused (until the 23rd 21:00), 24th missed
        assertThat(r.excused28()).isEqualTo(2);
        assertThat(r.closed28()).isEqualTo(3);
        assertThat(r.completed28()).isEqualTo(2);
    }

    @Test
    void aPainReportOfSixExcusesNothing() {
        Adherence.RoutineAdherence r = afterAPainReport(6);

        assertThat(r.excused28()).isZero();
        assertThat(r.closed28()).isEqualTo(5);
        assertThat(r.completed28()).isEqualTo(2);
    }

    @Test
    void aTriggerInsideAPauseExtendsItTo48HoursAfterTheLaterOne() {
        Instant start = at("2026-11-21T20:00");
        List<Activity> events = new ArrayList<>(sessionAt("2026-11-20T20:00"));
        events.add(started("s-pain", start));
        events.add(painStop("s-pain", start, start.plusSeconds(300), 3, true));
        events.add(painReported(at("2026-11-23T19:00"), 8, false)); // inside the first pause, which ends 20:05

        Adherence.RoutineAdherence r = stretches(AdherenceCalculator.calculate(List.of(dailyStretches("2026-11-20")),
                events, at("2026-11-27T09:00")));

        // 21st (the stop), 22nd–25th (pause until the 25th 19:00) excused; 26th missed
        assertThat(r.excused28()).isEqualTo(5);
        assertThat(r.closed28()).isEqualTo(2);
        assertThat(r.completed28()).isEqualTo(1);
    }
}
