package io.limber.bench.history;

import io.limber.bench.BenchContext;
import io.limber.bench.Benchmark;
import io.limber.bench.Figure;
import io.limber.simulator.Cohort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-event cost of a live trickle (one new session per person, each person recomputed for it) for people with
 * 28 days, 1 year and 3 years of history; the 28-day phase, same people and same run, is the baseline. Target: the
 * 3-year cost at most 1.2 times the 28-day cost.
 */
public final class HistoryBenchmark implements Benchmark {

    static final int[] DAYS = {28, 365, 1095};
    static final double TARGET_RATIO = 1.2;
    /** The simulator's seed, so each phase has the same people (persona mix, zones, evening times). */
    static final long SEED = 15;

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String description() {
        return "per-event cost of one new session per person with 28 d / 1 y / 3 y of history; baseline: 28 d";
    }

    static int people(BenchContext context) {
        String override = System.getenv("LIMBER_BENCH_HISTORY_PEOPLE");
        if (override != null && !override.isBlank()) {
            return Integer.parseInt(override.trim());
        }
        return context.quick() ? 100 : 300;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Cohort cohort = new Cohort(SEED, people(context));
        List<HistoryPhase.Result> results = new ArrayList<>();
        for (int days : DAYS) {
            context.say(String.format("history: %d days, %d people ...", days, cohort.people().size()));
            HistoryPhase.Result result = HistoryPhase.run(context, cohort, days);
            context.say(String.format(Locale.ROOT, "history %d days: %.0f us/event (%d events in %.2f s)", days,
                    result.microsPerEvent(), result.events(), result.seconds()));
            results.add(result);
        }
        HistoryPhase.Result baseline = results.get(0);
        String baselineName = "28 days of history, same people";
        List<Figure> figures = new ArrayList<>();
        for (HistoryPhase.Result result : results) {
            String measure = String.format(Locale.ROOT, "%s of history (%,d people, %,d events seeded): one new"
                            + " session each, send -> snapshot on adherence", label(result.days()),
                    cohort.people().size(), result.seededEvents());
            Figure row = Figure.of(name(), measure, result.microsPerEvent(), "us/event");
            if (result != baseline) {
                row = row.against(baselineName, baseline.microsPerEvent());
                if (result.days() == DAYS[DAYS.length - 1]) {
                    double ratio = result.microsPerEvent() / baseline.microsPerEvent();
                    row = row.target("<= 1.2 x 28 days", ratio <= TARGET_RATIO);
                }
            }
            figures.add(row);
        }
        for (HistoryPhase.Result result : results) {
            figures.add(Figure.of(name(), String.format(Locale.ROOT, "%s: warm-up round (first recompute after start:"
                            + " nothing cached or checkpointed), send -> snapshot", label(result.days())),
                    result.warmUpSeconds() * 1e6 / result.events(), "us/event")
                    .against("measured round, same history", result.microsPerEvent()));
        }
        return figures;
    }

    private static String label(int days) {
        return switch (days) {
            case 365 -> "1 year";
            case 1095 -> "3 years";
            default -> days + " days";
        };
    }
}
