package io.limber.bench.ingest;

import io.limber.bench.BenchContext;
import io.limber.bench.Benchmark;
import io.limber.bench.Figure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sustained ingest: one session-service replica takes a pre-loaded {@code session-events} topic (a simulator cohort's
 * history) from consumed to adherence stored and published; the baseline, on the same broker, database server and
 * records, is a plain consumer inserting the raw records in batches.
 */
public final class IngestBenchmark implements Benchmark {

    static final double TARGET_EVENTS_PER_SECOND = 20_000;
    static final double TARGET_SHARE_OF_BASELINE = 0.5;
    static final String BASELINE = "plain consumer, batched inserts";

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String description() {
        return "session-service events/s, 1 replica, consumed to adherence published; baseline: plain consumer + batched inserts";
    }

    static Duration limit(BenchContext context) {
        return context.quick() ? Duration.ofSeconds(60) : Duration.ofSeconds(100);
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        IngestFixture fixture = IngestFixture.shared(context, true);
        String size = String.format(Locale.ROOT, "%,d events", fixture.workload.events());
        context.say("baseline consumer ...");
        IngestRun.Result baseline = BaselineConsumer.run(fixture, limit(context));
        context.say(String.format(Locale.ROOT, "baseline: %,.0f events/s in %.1f s", baseline.eventsPerSecond(),
                baseline.seconds()));
        context.say("session-service, 1 replica ...");
        IngestRun.Result service = IngestRun.run(fixture, 1, "bench_ingest", limit(context));
        context.say(String.format(Locale.ROOT, "session-service: %,.0f events/s in %.1f s%s",
                service.eventsPerSecond(), service.seconds(), service.complete() ? "" : " (time limit reached)"));

        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(name(), "baseline: " + BASELINE + ", " + size + complete(baseline),
                baseline.eventsPerSecond(), "events/s"));
        double ratio = baseline.eventsPerSecond() == 0 ? 0 : service.eventsPerSecond() / baseline.eventsPerSecond();
        figures.add(Figure.of(name(), "session-service, 1 replica, " + size + complete(service),
                        service.eventsPerSecond(), "events/s")
                .against(BASELINE, baseline.eventsPerSecond())
                .target(">= 20000 events/s", service.complete()
                        && service.eventsPerSecond() >= TARGET_EVENTS_PER_SECOND));
        figures.add(Figure.of(name(), "session-service share of baseline", 100 * ratio, "%")
                .target(">= 50 %", service.complete() && ratio >= TARGET_SHARE_OF_BASELINE));
        return figures;
    }

    static String complete(IngestRun.Result result) {
        return result.complete() ? "" : " (INCOMPLETE at time limit)";
    }
}
