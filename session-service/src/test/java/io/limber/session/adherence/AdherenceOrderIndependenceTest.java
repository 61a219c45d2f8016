package io.limber.session.adherence;

import static io.limber.session.adherence.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any permutation of a person's events, with duplicates, gives the adherence of the in-order stream. */
class AdherenceOrderIndependenceTest {

    private static final PlanVersion PLAN = plan(1, AMSTERDAM, DAILY, "2026-11-01", at("2026-11-01T08:00"), STRETCHES_V1);
    private static final PlanVersion CHANGED = plan(2, NEW_YORK, MON_WED_FRI, "2026-11-01",
            Instant.parse("2026-11-12T15:00:00Z"), STRETCHES_V1, CORE_V1);
    private static final Instant NOW = at("2026-11-24T06:00");

    /** What a person did on one day: nothing, a full session, a short one, a pain-stop, an abandoned start... */
    record Day(int offset, int kind, int minuteOfDay, int pain) {
    }

    @Provide
    Arbitrary<List<Day>> days() {
        Arbitrary<Day> day = Combinators.combine(
                Arbitraries.integers().between(0, 22),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 24 * 60 - 1),
                Arbitraries.integers().between(0, 10)).as(Day::new);
        return day.list().ofMinSize(0).ofMaxSize(30);
    }

    @Property(tries = 200)
    void anyPermutationWithDuplicatesGivesTheInOrderAdherence(@ForAll("days") List<Day> days, @ForAll long seed) {
        List<Activity> inOrder = events(days);
        inOrder.sort(Comparator.comparing(Activity::time));
        Random random = new Random(seed);
        List<Activity> redelivered = new ArrayList<>(inOrder);
        for (int i = 0, n = random.nextInt(inOrder.size() + 1); i < n; i++) {
            redelivered.add(inOrder.get(random.nextInt(inOrder.size())));
        }
        Collections.shuffle(redelivered, random);
        List<PlanVersion> plans = new ArrayList<>(List.of(PLAN, CHANGED));
        Collections.shuffle(plans, random);

        assertThat(AdherenceCalculator.calculate(plans, redelivered, NOW))
                .isEqualTo(AdherenceCalculator.calculate(List.of(PLAN, CHANGED), inOrder, NOW));
    }

    private static List<Activity> events(List<Day> days) {
        List<Activity> events = new ArrayList<>();
        int n = 0;
        for (Day day : days) {
            Instant start = at("2026-11-01T00:00").plus(Duration.ofDays(day.offset())).plus(Duration.ofMinutes(day.minuteOfDay()));
            String session = "s-" + (n++);
            switch (day.kind()) {
                case 0 -> events.add(started(session, start));
                case 1 -> {
                    events.add(started(session, start));
                    events.add(completed(session, start, start.plusSeconds(900)));
                }
                case 2 -> events.add(completed(session, CORE, start, start.plusSeconds(600), List.of(
                        new Activity.ReportedHold("plank", "set-1", 58, null),
                        new Activity.ReportedHold("bridge", "set-1", null, 10))));
                case 3 -> {
                    events.add(started(session, start));
                    events.add(painStop(session, start, start.plusSeconds(200), day.pain(), day.pain() % 2 == 0));
                }
                case 4 -> events.add(painReported(start, day.pain(), day.pain() < 5));
                default -> events.add(completed(session, STRETCHES, start, start.plusSeconds(600),
                        fullStretches().subList(0, day.pain() % 9)));
            }
        }
        return events;
    }
}
