package io.limber.bench;

import io.limber.bench.ingest.ConsumeBenchmark;
import io.limber.bench.ingest.IngestBenchmark;
import io.limber.bench.ingest.ScaleoutBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark command (see {@code deploy/bench/run}). Runs the benchmarks in order, each with its own
 * processes, prints the table and writes {@code deploy/bench/results/latest.json}.
 */
public final class BenchmarkMain {

    /** Every benchmark, in the order they run. */
    static List<Benchmark> all() {
        return List.of(new IngestBenchmark(), new ConsumeBenchmark(), new ScaleoutBenchmark(),
                new io.limber.bench.safety.SafetyBenchmark(), new io.limber.bench.burst.BurstBenchmark(),
                new io.limber.bench.startup.StartupBenchmark(), new io.limber.bench.history.HistoryBenchmark(),
                new io.limber.bench.dayend.DayEndBenchmark(), new io.limber.bench.memory.MemoryBenchmark());
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = new LinkedHashSet<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only.addAll(Arrays.asList(args[++i].split(",")));
                case "--quick" -> quick = true;
                case "--help" -> {
                    System.out.println("deploy/bench/run [--only NAME,...] [--quick] [--rebuild]");
                    all().forEach(b -> System.out.printf("  %-10s %s%n", b.name(), b.description()));
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve("deploy/bench/target/work");
        Files.createDirectories(work);
        BenchContext context = new BenchContext(root, work, quick);

        Instant start = Instant.now();
        List<Figure> figures = new ArrayList<>();
        for (Benchmark benchmark : all()) {
            if (!only.isEmpty() && !only.contains(benchmark.name())) {
                continue;
            }
            context.say(benchmark.name() + ": " + benchmark.description());
            Instant began = Instant.now();
            List<Figure> rows = benchmark.run(context);
            figures.addAll(rows);
            context.say(benchmark.name() + " done in " + Duration.between(began, Instant.now()).toSeconds() + " s");
            rows.forEach(f -> context.say("  " + f));
        }
        Report report = new Report(figures, start, Duration.between(start, Instant.now()));
        System.out.println();
        System.out.print(report.table());
        Path json = root.resolve("deploy/bench/results/latest.json");
        report.writeJson(json);
        System.out.println("written to " + root.relativize(json));
    }
}
