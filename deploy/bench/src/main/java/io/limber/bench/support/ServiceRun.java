package io.limber.bench.support;

import io.limber.local.Ports;
import io.limber.local.postgres.PostgresServer;
import io.limber.local.stack.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service process started from its packaged jar (prod profile), with the time from process start to
 * {@code /q/health/ready} answering 200 and its resident memory from {@code /proc}.
 */
public final class ServiceRun implements AutoCloseable {


    private final LimberService service;
    private final int managementPort;
    private final Path log;
    private final Process process;
    private final long startedNanos;

    private ServiceRun(LimberService service, int managementPort, Path log, Process process, long startedNanos) {
        this.service = service;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /**
     * The local stack's heap for services ({@code -Xmx256m}) without its start-up flags (serial GC, C1 only: they
     * trade throughput for a fast start), so the throughput and latency benchmarks see the JIT and GC a server
     * runs. The startup benchmark measures those flags separately.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m");

    /** The benchmark's own JVM with {@link #DEFAULT_JVM_OPTIONS}. */
    public static ServiceRun start(Path root, Path logs, LimberService service, Infra infra, String database) {
        return start(root, logs, service, infra, database, javaOfThisProcess(), DEFAULT_JVM_OPTIONS, Map.of());
    }

    public static ServiceRun start(Path root, Path logs, LimberService service, Infra infra, String database,
                                   Path java, List<String> jvmOptions, Map<String, String> extraEnv) {
        return start(root, logs.resolve(service.serviceName() + "-" + System.nanoTime() + ".log"), service,
                infra.bootstrapServers(), infra.postgres(), database, java, jvmOptions, extraEnv);
    }

    /** The service as a process writing to {@code log}, on the given Kafka and PostgreSQL. */
    public static ServiceRun start(Path root, Path log, LimberService service, String bootstrapServers,
                                   PostgresServer postgres, String database, Path java, List<String> jvmOptions,
                                   Map<String, String> extraEnv) {
        Path jar = service.jar(root);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run deploy/bench/run --rebuild");
        }
        int port = Ports.free();
        int managementPort = Ports.free();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(service.env(port, managementPort, bootstrapServers, postgres, database));
        builder.environment().putAll(extraEnv);
        try {
            Files.createDirectories(log.getParent());
            long started = System.nanoTime();
            return new ServiceRun(service, managementPort, log, builder.start(), started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.serviceName(), e);
        }
    }

    public static Path javaOfThisProcess() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Waits for readiness (polling every 10 ms) and returns the time from process start to the first 200. */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.serviceName() + " exited with " + process.exitValue()
                        + "; see " + log);
            }
            if (ready()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(service.serviceName() + " not ready within " + timeout + "; see " + log);
    }

    private boolean ready() {
        return Readiness.isReady(managementPort, Duration.ofSeconds(1));
    }

    /** Resident set size in MiB ({@code VmRSS} of {@code /proc/PID/status}). */
    public double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** The process id, for the JDK's tools ({@code jcmd}, {@code jstat}). */
    public long pid() {
        return process.pid();
    }

    /** The file the process writes its output to. */
    public Path log() {
        return log;
    }

    /** The management port: health and metrics. */
    public int managementPort() {
        return managementPort;
    }

    /** Fails when the process has exited. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(service.serviceName() + " exited with " + process.exitValue() + "; see "
                    + log);
        }
    }

    /** SIGTERM (graceful), SIGKILL after 20 s. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /** SIGTERM (graceful), SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
