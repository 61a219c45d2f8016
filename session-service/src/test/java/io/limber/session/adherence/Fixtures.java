package io.limber.session.adherence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Plans and client events for adherence tests, written in local time. */
final class Fixtures {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Set<DayOfWeek> DAILY = EnumSet.allOf(DayOfWeek.class);
    static final Set<DayOfWeek> MON_WED_FRI = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    static final String STRETCHES = "lower-back-stretches";
    static final String CORE = "core-strength";

    static final PlanVersion.PrescribedRoutine STRETCHES_V1 = new PlanVersion.PrescribedRoutine(STRETCHES, 1, false, List.of(
            hold("knees-to-chest", "both", 60), hold("forward-fold", "centre", 60),
            hold("childs-pose", "centre", 60), hold("childs-pose", "right", 60), hold("childs-pose", "left", 60),
            hold("crossover", "right", 60), hold("crossover", "left", 60),
            hold("doorway-hamstring", "right", 60), hold("doorway-hamstring", "left", 60)));

    static final PlanVersion.PrescribedRoutine CORE_V1 = new PlanVersion.PrescribedRoutine(CORE, 1, true, List.of(
            hold("plank", "set-1", 60), hold("plank", "set-2", 60), hold("plank", "set-3", 60),
            new PlanVersion.PrescribedHold("bridge", "set-1", null, 10),
            new PlanVersion.PrescribedHold("bridge", "set-2", null, 10)));

    private static int sequence;

    private Fixtures() {
    }

    static PlanVersion.PrescribedHold hold(String exercise, String position, int seconds) {
        return new PlanVersion.PrescribedHold(exercise, position, seconds, null);
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Instant at(String localDateTime) {
        return at(localDateTime, AMSTERDAM);
    }

    static PlanVersion dailyStretches(String startDate) {
        return plan(1, AMSTERDAM, DAILY, startDate, at(startDate + "T08:00"), STRETCHES_V1);
    }

    static PlanVersion plan(int version, ZoneId zone, Set<DayOfWeek> days, String startDate, Instant publishedAt,
                            PlanVersion.PrescribedRoutine... routines) {
        return new PlanVersion(version, PlanVersion.Status.ACTIVE, zone, days, LocalDate.parse(startDate), null,
                publishedAt, List.of(routines));
    }

    static Activity.EventKey key() {
        return new Activity.EventKey("/clients/test", "e-" + (++sequence));
    }

    static Activity.SessionStarted started(String session, Instant startedAt) {
        return new Activity.SessionStarted(key(), startedAt, session, STRETCHES, 1, startedAt);
    }

    /** A complete stretches session with every hold held 60 s. */
    static Activity.SessionCompleted completed(String session, Instant startedAt, Instant completedAt) {
        return completed(session, STRETCHES, startedAt, completedAt, fullStretches());
    }

    static Activity.SessionCompleted completed(String session, String routine, Instant startedAt, Instant completedAt,
                                               List<Activity.ReportedHold> holds) {
        return new Activity.SessionCompleted(key(), completedAt, session, routine, 1, startedAt, completedAt, holds);
    }

    static List<Activity.ReportedHold> fullStretches() {
        List<Activity.ReportedHold> holds = new ArrayList<>();
        STRETCHES_V1.holds().forEach(h -> holds.add(new Activity.ReportedHold(h.exerciseId(), h.position(), 60, null)));
        return holds;
    }

    static Activity.SessionPainStopped painStop(String session, Instant startedAt, Instant at, int pain, boolean sharp,
                                                String... redFlags) {
        return new Activity.SessionPainStopped(key(), at, session, STRETCHES, 1, startedAt, "forward-fold", pain, sharp,
                Set.of(redFlags));
    }

    static Activity.PainReported painReported(Instant at, int pain, boolean settled) {
        return new Activity.PainReported(key(), at, pain, settled);
    }

    /** A started and a completed event for a 20-minute stretches session at the local time given. */
    static List<Activity> sessionAt(String localStart) {
        Instant start = at(localStart);
        String id = "s-" + localStart;
        return List.of(started(id, start), completed(id, start, start.plusSeconds(1200)));
    }
}
