package io.limber.session.adherence;

import static io.limber.session.adherence.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The checkpointed calculation equals the full one, field by field: for random plans (versions, changes of zone at
 * any hour, pauses, later starts, ends) and random streams (late, duplicated, reordered, across checkpoints),
 * recomputed at several moments, each time from the checkpoint the previous calculation returned (or from the start
 * when an arrival rewrote it), and reading only the activities the checkpoint still needs.
 */
class CheckpointedAdherenceTest {

    private static final Instant HISTORY_START = at("2026-06-01T00:00");
    private static final List<ZoneId> ZONES = List.of(AMSTERDAM, NEW_YORK, ZoneId.of("Asia/Tokyo"),
            ZoneId.of("America/Los_Angeles"));
    private static final List<Set<DayOfWeek>> SCHEDULES = List.of(DAILY, MON_WED_FRI,
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), EnumSet.complementOf(EnumSet.of(DayOfWeek.SUNDAY)));

    /**
     * A plan version: published on day {@code day} of the history, {@code hour} hours after its midnight in
     * Amsterdam, with a zone, schedule and status; a later version starts on 1 June or, when {@code startsAfter} is
     * not negative, that many days after the day it was published; it ends {@code endAfter} days after it started or
     * was published, whichever is later.
     */
    record Version(int day, int hour, int zone, int schedule, int status, boolean withCore, int startsAfter,
                   int endAfter) {
    }

    /** What a person did on one day, and how many hours after it their app reported it. */
    record Deed(int day, int kind, int minuteOfDay, int pain, int delayHours, boolean twice) {
    }

    @Provide
    Arbitrary<List<Version>> versions() {
        Arbitrary<Version> version = Combinators.combine(
                Arbitraries.integers().between(0, 170),
                Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, ZONES.size() - 1),
                Arbitraries.integers().between(0, SCHEDULES.size() - 1),
                Arbitraries.integers().between(0, 9),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(-6, 8),
                Arbitraries.integers().between(-1, 60)).as(Version::new);
        return version.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Deed>> deeds() {
        Arbitrary<Deed> deed = Combinators.combine(
                Arbitraries.integers().between(0, 179),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 24 * 60 - 1),
                Arbitraries.integers().between(0, 10),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 48)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(49, 24 * 45))),
                Arbitraries.of(true, false, false, false)).as(Deed::new);
        return deed.list().ofMinSize(0).ofMaxSize(160);
    }

    @Property(tries = 1000)
    void theCheckpointedCalculationEqualsTheFullOneAtEveryMoment(
            @ForAll("versions") List<Version> versionSpecs, @ForAll("deeds") List<Deed> deeds,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 60) Integer> steps,
            @ForAll @IntRange(min = 20, max = 120) int firstDay) {
        List<Arrival<PlanVersion>> plans = plans(versionSpecs);
        List<Arrival<Activity>> stream = stream(deeds);

        AdherenceCheckpoint checkpoint = AdherenceCheckpoint.NONE;
        Instant previous = null;
        int day = firstDay;
        for (int step : steps) {
            Instant now = HISTORY_START.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(step * 37L % 1440));
            List<PlanVersion> known = arrivedBy(plans, now);
            List<Activity> reported = arrivedBy(stream, now);
            if (previous != null && rewritten(checkpoint, plans, stream, previous, now, known)) {
                checkpoint = AdherenceCheckpoint.NONE;
            }
            List<Activity> needed = needed(checkpoint, known, reported);
            Statistics.label("recomputed").collect(checkpoint.isNone() ? "from the start" : "from a checkpoint");
            Statistics.label("activities left out").collect(reported.size() > needed.size());
            Statistics.label("zone changed").collect(known.stream().map(PlanVersion::zone).distinct().count() > 1);
            Statistics.label("days without an active plan").collect(withoutAnActivePlan(known, now));

            AdherenceCalculator.Calculation checkpointed = AdherenceCalculator.calculate(known, needed, now, checkpoint);
            Adherence full = AdherenceCalculator.calculate(known, reported, now);

            assertThat(checkpointed.adherence()).as("at %s from %s", now, checkpoint.closedThrough()).isEqualTo(full);
            checkpoint = checkpointed.checkpoint();
            previous = now;
            day += step;
        }
        // the property must really run from checkpoints, leaving activities out, not only from the start
        Statistics.label("recomputed").coverage(c -> c.check("from a checkpoint").percentage(p -> p > 25));
        Statistics.label("activities left out").coverage(c -> c.check(true).percentage(p -> p > 10));
        // and over the cases design.md settles: a change of zone, days before a version's start or after its end
        Statistics.label("zone changed").coverage(c -> c.check(true).percentage(p -> p > 25));
        Statistics.label("days without an active plan").coverage(c -> {
            c.check("after an end date").percentage(p -> p > 10);
            c.check("before a later version's start").percentage(p -> p > 5);
        });
    }

    /** Which kind of day without an active plan, if any, the history up to {@code now} has after its first start. */
    private static String withoutAnActivePlan(List<PlanVersion> known, Instant now) {
        if (known.isEmpty()) {
            return "no plan";
        }
        PlanCalendar calendar = new PlanCalendar(known);
        LocalDate today = calendar.dateOf(now);
        LocalDate first = known.stream().map(PlanVersion::startDate).min(Comparator.naturalOrder()).orElseThrow();
        boolean afterEnd = false;
        boolean beforeStart = false;
        for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
            PlanVersion v = calendar.inForce(d).orElseThrow();
            afterEnd |= v.endDate() != null && d.isAfter(v.endDate());
            beforeStart |= d.isBefore(v.startDate()) && v != calendar.versions().get(0);
        }
        return afterEnd ? "after an end date" : beforeStart ? "before a later version's start" : "none";
    }

    @Test
    void aCheckpointCoversTheDaysUpToFourWeeksBeforeTodayAndTheRecomputeReadsOnlyWhatFollows() {
        PlanVersion daily = dailyStretches("2026-06-01");
        List<Activity> history = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-06-01"); !d.isAfter(LocalDate.parse("2026-11-20")); d = d.plusDays(1)) {
            history.addAll(sessionAt(d + "T20:00"));
        }
        Instant now = at("2026-11-20T08:00");
        Instant tomorrow = at("2026-11-21T08:00");

        AdherenceCalculator.Calculation first = AdherenceCalculator.calculate(List.of(daily),
                history.stream().filter(a -> a.time().isBefore(now)).toList(), now, AdherenceCheckpoint.NONE);
        List<Activity> recent = history.stream().filter(a -> a.time().isAfter(at("2026-10-21T00:00"))).toList();
        AdherenceCalculator.Calculation next = AdherenceCalculator.calculate(List.of(daily), recent, tomorrow,
                first.checkpoint());

        assertThat(first.checkpoint().closedThrough()).isEqualTo(LocalDate.parse("2026-10-23"));
        assertThat(first.checkpoint().routines().get(STRETCHES).streak()).isEqualTo(145); // 1 June - 23 October
        assertThat(first.adherence().routines().get(0).streak()).isEqualTo(172);
        assertThat(next.adherence()).isEqualTo(AdherenceCalculator.calculate(List.of(daily), history, tomorrow));
        assertThat(next.adherence().routines().get(0).streak()).isEqualTo(173);
        assertThat(next.checkpoint().closedThrough()).isEqualTo(LocalDate.parse("2026-10-24"));
    }

    @Test
    void anEventForADayTheCheckpointCoversRewritesItAndALaterOneDoesNot() {
        PlanVersion daily = dailyStretches("2026-06-01");
        AdherenceCheckpoint checkpoint = AdherenceCalculator.calculate(List.of(daily), List.of(),
                at("2026-11-20T08:00"), AdherenceCheckpoint.NONE).checkpoint();
        Instant covered = at("2026-10-23T21:00");
        Instant after = at("2026-10-24T09:00");

        assertThat(checkpoint.isRewrittenBy(completed("late", covered, after), List.of(daily))).isTrue();
        assertThat(checkpoint.isRewrittenBy(painReported(covered, 8, false), List.of(daily))).isTrue();
        assertThat(checkpoint.isRewrittenBy(painReported(after, 8, false), List.of(daily))).isFalse();
        assertThat(checkpoint.isRewrittenBy(plan(2, AMSTERDAM, MON_WED_FRI, "2026-06-01", covered, STRETCHES_V1)))
                .isTrue();
        assertThat(checkpoint.isRewrittenBy(plan(2, AMSTERDAM, MON_WED_FRI, "2026-06-01", at("2026-11-19T09:00"),
                STRETCHES_V1))).isFalse();
    }

    @Test
    void aPainReportAfterAChangeOfZoneEastwardsRewritesTheCoveredDayItsPauseStillOverlaps() {
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        PlanVersion inLosAngeles = plan(1, losAngeles, DAILY, "2026-06-01", at("2026-06-01T08:00", losAngeles),
                STRETCHES_V1);
        // published 12:00 on 23 October in Los Angeles, 04:00 on the 24th in Tokyo: the 23rd, in force in Los
        // Angeles, runs on until 16:00 on the 24th in Tokyo
        PlanVersion inTokyo = plan(2, tokyo, DAILY, "2026-06-01", at("2026-10-23T12:00", losAngeles), STRETCHES_V1);
        List<PlanVersion> versions = List.of(inLosAngeles, inTokyo);
        List<Activity> done = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-06-01"); d.isBefore(LocalDate.parse("2026-10-23")); d = d.plusDays(1)) {
            Instant start = at(d + "T20:00", losAngeles);
            done.add(completed("s-" + d, start, start.plusSeconds(900)));
        }
        Instant now = at("2026-11-20T10:00", tokyo);
        AdherenceCheckpoint checkpoint = AdherenceCalculator.calculate(versions, done, now, AdherenceCheckpoint.NONE)
                .checkpoint();
        Activity.PainReported pain = painReported(at("2026-10-23T13:00", losAngeles), 8, false); // the 24th in Tokyo
        List<Activity> withPain = new ArrayList<>(done);
        withPain.add(pain);

        assertThat(checkpoint.closedThrough()).isEqualTo(LocalDate.parse("2026-10-23"));
        assertThat(new PlanCalendar(versions).dateOf(pain.time())).isEqualTo(LocalDate.parse("2026-10-24"));
        assertThat(checkpoint.isRewrittenBy(pain, versions)).isTrue();
        // the pause excuses the 23rd, which was missed: the covered day's memory does change
        assertThat(checkpoint.routines().get(STRETCHES).streak()).isZero();
        assertThat(AdherenceCalculator.calculate(versions, withPain, now, AdherenceCheckpoint.NONE).checkpoint()
                .routines().get(STRETCHES).streak()).isEqualTo(144);
    }

    @Test
    void aVersionInAZoneMoreThanADayAheadRewritesTheCoveredDayItsFirstSessionsHadBeforeIt() {
        ZoneId pagoPago = ZoneId.of("Pacific/Pago_Pago"); // UTC-11
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati"); // UTC+14
        PlanVersion inPagoPago = plan(1, pagoPago, DAILY, "2026-06-01", at("2026-06-01T08:00", pagoPago), STRETCHES_V1);
        // published 00:30 on 25 October in Kiritimati, 23:30 on the 23rd in Pago Pago
        PlanVersion inKiritimati = plan(2, kiritimati, DAILY, "2026-06-01", at("2026-10-25T00:30", kiritimati),
                STRETCHES_V1);
        List<Activity> done = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-06-01"); d.isBefore(LocalDate.parse("2026-10-23")); d = d.plusDays(1)) {
            Instant start = at(d + "T20:00", pagoPago);
            done.add(completed("s-" + d, start, start.plusSeconds(900)));
        }
        Instant late = at("2026-10-23T23:40", pagoPago); // after the publication: the 25th in Kiritimati
        done.add(completed("s-late", late, late.plusSeconds(900)));
        AdherenceCheckpoint before = AdherenceCalculator.calculate(List.of(inPagoPago), done,
                at("2026-11-20T10:00", pagoPago), AdherenceCheckpoint.NONE).checkpoint();
        AdherenceCheckpoint after = AdherenceCalculator.calculate(List.of(inPagoPago, inKiritimati), done,
                at("2026-11-20T10:00", kiritimati), AdherenceCheckpoint.NONE).checkpoint();

        assertThat(before.closedThrough()).isEqualTo(LocalDate.parse("2026-10-23")).isEqualTo(after.closedThrough());
        assertThat(before.routines()).isNotEqualTo(after.routines()); // the 23rd done before, missed after
        assertThat(before.isRewrittenBy(inKiritimati)).isTrue();
    }

    /** Something that reached Limber at a moment. */
    record Arrival<T>(T what, Instant at) {
    }

    private static <T> List<T> arrivedBy(List<Arrival<T>> arrivals, Instant now) {
        return arrivals.stream().filter(a -> !a.at().isAfter(now)).map(Arrival::what).toList();
    }

    /** Did anything that arrived since the last calculation reach back into the checkpoint's days? */
    private static boolean rewritten(AdherenceCheckpoint checkpoint, List<Arrival<PlanVersion>> plans,
                                     List<Arrival<Activity>> stream, Instant previous, Instant now,
                                     List<PlanVersion> known) {
        boolean newVersion = plans.stream().filter(a -> a.at().isAfter(previous) && !a.at().isAfter(now))
                .anyMatch(a -> checkpoint.isRewrittenBy(a.what()));
        boolean lateActivity = stream.stream().filter(a -> a.at().isAfter(previous) && !a.at().isAfter(now))
                .anyMatch(a -> checkpoint.isRewrittenBy(a.what(), known));
        return newVersion || lateActivity;
    }

    /** What a checkpointed recompute reads: only activities of the days after the checkpoint, less the read-back. */
    private static List<Activity> needed(AdherenceCheckpoint checkpoint, List<PlanVersion> known,
                                         List<Activity> reported) {
        if (checkpoint.isNone() || known.isEmpty()) {
            return reported;
        }
        PlanCalendar calendar = new PlanCalendar(known);
        LocalDate from = checkpoint.closedThrough().plusDays(1).minusDays(AdherenceCalculator.CHECKPOINT_READ_BACK);
        return reported.stream()
                .filter(a -> !calendar.dateOf(AdherenceCheckpoint.earliestInstant(a)).isBefore(from))
                .toList();
    }

    private static List<Arrival<PlanVersion>> plans(List<Version> specs) {
        List<Version> sorted = specs.stream().sorted(Comparator.comparingInt(Version::day)).toList();
        List<Arrival<PlanVersion>> plans = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Version v = sorted.get(i);
            Instant published = HISTORY_START.plus(Duration.ofDays(v.day())).plus(Duration.ofHours(v.hour()));
            PlanVersion.Status status = v.status() == 0 ? PlanVersion.Status.PAUSED
                    : v.status() == 1 && i > 0 ? PlanVersion.Status.ENDED : PlanVersion.Status.ACTIVE;
            LocalDate publishedOn = LocalDate.ofInstant(published, ZONES.get(v.zone()));
            LocalDate start = i == 0 ? LocalDate.parse("2026-06-01").plusDays(v.day() % 15)
                    : v.startsAfter() < 0 ? LocalDate.parse("2026-06-01") : publishedOn.plusDays(v.startsAfter());
            LocalDate end = v.endAfter() < 0 ? null
                    : (start.isAfter(publishedOn) ? start : publishedOn).plusDays(v.endAfter());
            List<PlanVersion.PrescribedRoutine> routines = v.withCore() ? List.of(STRETCHES_V1, CORE_V1)
                    : List.of(STRETCHES_V1);
            plans.add(new Arrival<>(new PlanVersion(i + 1, status, ZONES.get(v.zone()), SCHEDULES.get(v.schedule()),
                    start, end, published, routines), published));
        }
        return plans;
    }

    private static List<Arrival<Activity>> stream(List<Deed> deeds) {
        List<Arrival<Activity>> stream = new ArrayList<>();
        int n = 0;
        for (Deed deed : deeds) {
            Instant start = HISTORY_START.plus(Duration.ofDays(deed.day())).plus(Duration.ofMinutes(deed.minuteOfDay()));
            String session = "s-" + (n++);
            List<Activity> did = new ArrayList<>();
            switch (deed.kind()) {
                case 0 -> did.add(started(session, start));
                case 1 -> {
                    did.add(started(session, start));
                    did.add(completed(session, start, start.plusSeconds(900)));
                }
                case 2 -> did.add(completed(session, CORE, start, start.plusSeconds(600), List.of(
                        new Activity.ReportedHold("plank", "set-1", 58, null),
                        new Activity.ReportedHold("bridge", "set-1", null, 10))));
                case 3 -> {
                    did.add(started(session, start));
                    did.add(painStop(session, start, start.plusSeconds(200), deed.pain(), deed.pain() % 2 == 0));
                }
                case 4 -> did.add(painReported(start, deed.pain(), deed.pain() < 5));
                case 5 -> did.add(painStop(session, start, start.plusSeconds(100), deed.pain(), false,
                        "leg-weakness-worsening"));
                default -> did.add(completed(session, STRETCHES, start, start.plusSeconds(600),
                        fullStretches().subList(0, deed.pain() % 9)));
            }
            for (Activity a : did) {
                Instant arrives = a.time().plus(Duration.ofHours(deed.delayHours()));
                stream.add(new Arrival<>(a, arrives));
                if (deed.twice()) {
                    stream.add(new Arrival<>(a, arrives.plus(Duration.ofDays(deed.day() % 30))));
                }
            }
        }
        return stream;
    }
}
