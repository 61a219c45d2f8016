package io.limber.bench.memory;

import io.limber.bench.BenchContext;
import io.limber.bench.Benchmark;
import io.limber.bench.Figure;
import io.limber.bench.ingest.IngestWorkload;
import io.limber.bench.ingest.SessionServiceReplica;
import io.limber.bench.support.Database;
import io.limber.bench.support.Infra;
import io.limber.bench.support.PlanIntake;
import io.limber.bench.support.ServiceRun;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A session-service replica with the local stack's heap ({@code -Xmx256m}) ingests a simulator cohort's year
 * (360 days, within the event-time bounds): its heap after a full collection once the ingest is done, against the
 * same replica's heap after a full collection when idle before it (every person known, no event yet); the share of
 * the ingest's wall time spent in collection pauses and the number of full collections during it.
 */
public final class MemoryBenchmark implements Benchmark {

    static final int DAYS = 360;
    static final double THRASH_SHARE = 0.20;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return "session-service -Xmx256m after ingesting 1,000 people x 360 days: heap after full GC, GC time share;"
                + " baseline: idle heap";
    }

    static int people(BenchContext context) {
        String override = System.getenv("LIMBER_BENCH_MEMORY_PEOPLE");
        if (override != null && !override.isBlank()) {
            return Integer.parseInt(override.trim());
        }
        return context.quick() ? 100 : 1_000;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int people = people(context);
        Duration limit = context.quick() ? Duration.ofMinutes(4) : Duration.ofMinutes(20);
        IngestWorkload workload = new IngestWorkload(people, Clock.systemUTC(), DAYS);
        long unique = workload.uniqueEvents();
        String size = String.format(Locale.ROOT, "%,d people x %d days, %,d events", people, DAYS, workload.events());
        context.say("memory: " + size);
        List<Figure> figures = new ArrayList<>();
        try (Infra infra = Infra.start(context)) {
            Database database = new Database(infra.postgres(), infra.freshDatabase("session"));
            try (SessionServiceReplica replica = SessionServiceReplica.start(context.root(),
                    context.workDir().resolve("logs/memory-" + System.nanoTime() + ".log"), infra.bootstrapServers(),
                    infra.postgres(), database.name(), SessionServiceReplica.Consumption.standard())) {
                replica.awaitReady(Duration.ofSeconds(120));
                ServiceRun process = replica.process();
                JvmTools jvm = new JvmTools(process.pid());
                PlanIntake.Outcome intake = PlanIntake.send(infra.bootstrapServers(), workload.plans(), database,
                        Duration.ofMinutes(3), replica::requireAlive);
                if (!intake.complete()) {
                    throw new IllegalStateException("session-service did not take in the plans; see " + process.log());
                }
                jvm.fullCollection();
                double idle = jvm.heapUsedMiB();
                context.say(String.format(Locale.ROOT, "memory: idle heap after full GC %.1f MiB", idle));

                JvmTools.GcCounters before = jvm.counters();
                long began = System.nanoTime();
                workload.loadEvents(infra.bootstrapServers(), "session-events");
                long deadline = began + limit.toNanos();
                boolean alive = true;
                boolean complete = false;
                long stored = 0;
                while (System.nanoTime() < deadline) {
                    alive = isAlive(replica);
                    if (!alive) {
                        break;
                    }
                    stored = database.count("SELECT count(*) FROM session_event");
                    if (stored >= unique && database.count("SELECT count(*) FROM outbox") == 0) {
                        complete = true;
                        break;
                    }
                    Thread.sleep(500);
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                boolean outOfMemory = mentionsOutOfMemory(process);
                context.say(String.format(Locale.ROOT, "memory: %,d of %,d events stored in %.0f s%s%s", stored,
                        unique, seconds, alive ? "" : "; the replica EXITED", outOfMemory ? "; OutOfMemoryError" : ""));
                boolean fits = alive && complete && !outOfMemory;
                String stores = String.format(Locale.ROOT, "%,d of %,d stored in %.0f s", stored, unique, seconds);
                String state = fits ? "" : !alive ? " (replica EXITED; " + stores + ")"
                        : outOfMemory ? " (OutOfMemoryError in its log; " + stores + ")"
                        : " (INCOMPLETE: " + stores + ")";
                if (!alive) {
                    figures.add(Figure.of(name(), "-Xmx256m, " + size + state, stored, "events stored")
                            .target("all " + unique + ", replica up", false));
                    return figures;
                }
                JvmTools.GcCounters after = jvm.counters();
                jvm.fullCollection();
                double heap = jvm.heapUsedMiB();
                double pauses = after.pauseSeconds() - before.pauseSeconds();
                double concurrent = after.concurrentSeconds() - before.concurrentSeconds();
                long fulls = after.fullCollections() - before.fullCollections();
                long youngs = after.youngCollections() - before.youngCollections();
                figures.add(Figure.of(name(), "-Xmx256m, heap after full GC, after ingesting " + size + state, heap,
                                "MiB")
                        .against("same replica idle, every person known", idle)
                        .target("fits 256 MiB, all stored", fits && heap < 256));
                figures.add(Figure.of(name(), String.format(Locale.ROOT, "GC pause time share of the ingest's %.0f s"
                                + " (%d young, concurrent cycles' pauses %.1f s more)", seconds, youngs, concurrent),
                        100 * pauses / seconds, "%").target("<= 20 % (no thrash)", pauses / seconds <= THRASH_SHARE));
                figures.add(Figure.of(name(), "full GCs during the ingest", fulls, "full GCs").target("0", fulls == 0));
                figures.add(Figure.of(name(), "ingest rate, -Xmx256m, " + size + state, stored / seconds,
                        "events/s"));
                replica.requireAlive();
            }
        }
        return figures;
    }

    private static boolean isAlive(SessionServiceReplica replica) {
        try {
            replica.requireAlive();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean mentionsOutOfMemory(ServiceRun process) {
        try (Stream<String> lines = Files.lines(process.log())) {
            return lines.anyMatch(line -> line.contains("OutOfMemoryError"));
        } catch (IOException e) {
            return false;
        }
    }
}
