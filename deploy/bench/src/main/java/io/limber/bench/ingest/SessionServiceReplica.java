package io.limber.bench.ingest;

import io.limber.bench.support.LimberService;
import io.limber.bench.support.ServiceRun;
import io.limber.local.postgres.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One session-service replica: the packaged jar as its own process ({@link ServiceRun}, the environment every
 * benchmark gives a service), reading this run's topic in this run's consumer groups.
 */
public final class SessionServiceReplica implements AutoCloseable {

    /** The consumer group of the measured consumption, and the topic it reads. */
    public record Consumption(String eventsTopic, String eventsGroup, String plansGroup) {

        /** The service's own topic and groups, as configured (for a replica alone on its own broker). */
        public static Consumption standard() {
            return new Consumption("session-events", "session-service", "session-service");
        }
    }

    private final ServiceRun run;

    private SessionServiceReplica(ServiceRun run) {
        this.run = run;
    }

    public static SessionServiceReplica start(Path root, Path log, String kafka, PostgresServer postgres, String database,
                                       Consumption consumption) {
        return new SessionServiceReplica(ServiceRun.start(root, log, LimberService.SESSION, kafka, postgres, database,
                ServiceRun.javaOfThisProcess(), jvmOptions(log, consumption), Map.of()));
    }

    /**
     * {@link ServiceRun#DEFAULT_JVM_OPTIONS}, with the consumer groups and topic of this run as system properties.
     * {@code LIMBER_BENCH_JFR=dir} records a JFR profile of each replica into that directory;
     * {@code LIMBER_BENCH_REPLICA_JVM_OPTIONS="-X..."} adds JVM options (to try JIT and GC settings).
     */
    static List<String> jvmOptions(Path log, Consumption consumption) {
        List<String> options = new ArrayList<>(ServiceRun.DEFAULT_JVM_OPTIONS);
        String extra = System.getenv("LIMBER_BENCH_REPLICA_JVM_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        String jfr = System.getenv("LIMBER_BENCH_JFR");
        if (jfr != null && !jfr.isBlank()) {
            String name = log.getFileName().toString().replace(".log", ".jfr");
            options.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath().resolve(name)
                    + ",settings=profile");
        }
        options.add("-Dmp.messaging.incoming.session-events.topic=" + consumption.eventsTopic());
        options.add("-Dmp.messaging.incoming.session-events.group.id=" + consumption.eventsGroup());
        options.add("-Dmp.messaging.incoming.plans.group.id=" + consumption.plansGroup());
        return options;
    }

    /** Waits until the management port's {@code /q/health/ready} answers 200, failing early when the process exits. */
    public void awaitReady(Duration timeout) {
        try {
            run.awaitReady(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void requireAlive() {
        run.requireAlive();
    }

    /** The process: its id for the JDK's tools, its log. */
    public ServiceRun process() {
        return run;
    }

    /** SIGTERM (Quarkus shuts down gracefully, JFR writes its recording), SIGKILL after 30 s. */
    @Override
    public void close() {
        run.stop(Duration.ofSeconds(30));
    }
}
