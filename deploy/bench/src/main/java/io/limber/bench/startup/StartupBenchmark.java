package io.limber.bench.startup;

import io.limber.bench.BenchContext;
import io.limber.bench.Benchmark;
import io.limber.bench.Figure;
import io.limber.bench.support.Infra;
import io.limber.bench.support.LimberService;
import io.limber.bench.support.ServiceRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Per service (JVM mode, prod profile, real Kafka and PostgreSQL): time from process start to {@code /q/health/ready}
 * answering 200, RSS when idle and after a little load (readiness checks from 4 threads, which touch Kafka and the
 * database). Each JVM variant against the plain {@code java -jar} start. One of them is the service images' command
 * line, from {@code deploy/images/jvm-options} (see {@link JvmVariant#image}); {@code deploy/images/check} measures
 * the same on the built containers.
 */
public final class StartupBenchmark implements Benchmark {

    static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final int LOAD_REQUESTS = 400;

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "time to ready and RSS (idle, under load) per service and JVM variant, vs plain java -jar";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path defaultJdk = Path.of(System.getProperty("java.home"));
        List<JvmVariant> variants = JvmVariant.all(context.root(), defaultJdk,
                Files.isExecutable(JDK_25.resolve("bin/java")) ? JDK_25 : null);
        List<LimberService> services = context.quick() ? List.of(LimberService.REMINDER)
                : List.of(LimberService.values());
        Path caches = Files.createDirectories(context.workDir().resolve("jvm-caches"));
        Path logs = context.workDir().resolve("logs");
        List<Figure> rows = new ArrayList<>();
        try (Infra infra = Infra.start(context)) {
            for (LimberService service : services) {
                String database = infra.freshDatabase(service.database());
                Map<String, Path> cacheOf = new HashMap<>();
                // training runs first (the first one also migrates the database, so no measured run pays for it)
                for (JvmVariant variant : variants) {
                    if (!variant.training().isEmpty()) {
                        Path cache = caches.resolve(service.serviceName() + "-" + variant.name()
                                .replaceAll("\\W+", "-") + (variant.name().contains("AOT") ? ".aot" : ".jsa"));
                        Files.deleteIfExists(cache);
                        ServiceRun run = ServiceRun.start(context.root(), logs, service, infra, database,
                                variant.java(), variant.trainingRun(cache), Map.of());
                        try {
                            run.awaitReady(Duration.ofSeconds(120));
                            if (variant.trainingLoad()) {
                                load(run);
                            }
                        } finally {
                            run.stop(Duration.ofSeconds(180)); // the JVM writes the cache as it exits
                        }
                        cacheOf.put(variant.name(), cache);
                    }
                }
                Measurement baseline = null;
                for (JvmVariant variant : variants) {
                    Path cache = cacheOf.get(variant.name());
                    if (cache != null && (!Files.exists(cache) || Files.size(cache) == 0)) {
                        context.say("startup: " + variant.name() + " wrote no " + cache.getFileName() + "; skipped");
                        continue;
                    }
                    Measurement m = measure(context, logs, service, infra, database, variant,
                            variant.measured(cache));
                    context.say(String.format("startup: %s, %s: ready %.0f ms, RSS idle %.0f MiB, loaded %.0f MiB",
                            service.serviceName(), variant.name(), m.readyMillis(), m.idleMiB(), m.loadedMiB()));
                    if (baseline == null) {
                        baseline = m;
                    }
                    rows.addAll(m.figures(service.serviceName() + ", " + variant.name(), baseline));
                }
            }
        }
        return rows;
    }

    private Measurement measure(BenchContext context, Path logs, LimberService service, Infra infra, String database,
                                JvmVariant variant, List<String> options) throws Exception {
        try (ServiceRun run = ServiceRun.start(context.root(), logs, service, infra, database, variant.java(),
                options, Map.of())) {
            double ready = run.awaitReady(Duration.ofSeconds(120)).toNanos() / 1e6;
            Thread.sleep(2_000); // idle: let start-up work (consumer group joins, first timers) settle
            double idle = run.rssMiB();
            load(run);
            double loaded = run.rssMiB();
            return new Measurement(ready, idle, loaded);
        }
    }

    /** {@value #LOAD_REQUESTS} readiness checks from 4 threads. */
    private static void load(ServiceRun run) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + run.managementPort() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < LOAD_REQUESTS; i++) {
            pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.discarding()));
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
    }

    record Measurement(double readyMillis, double idleMiB, double loadedMiB) {

        List<Figure> figures(String measure, Measurement baseline) {
            String against = "plain java -jar";
            return List.of(
                    Figure.of("startup", measure + ": ready", readyMillis, "ms")
                            .against(against, baseline.readyMillis).target("<= 1500 ms", readyMillis <= 1500),
                    Figure.of("startup", measure + ": RSS idle", idleMiB, "MiB")
                            .against(against, baseline.idleMiB).target("<= 200 MiB", idleMiB <= 200),
                    Figure.of("startup", measure + ": RSS loaded", loadedMiB, "MiB")
                            .against(against, baseline.loadedMiB));
        }
    }
}
