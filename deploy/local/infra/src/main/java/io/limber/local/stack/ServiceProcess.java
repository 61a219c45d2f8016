package io.limber.local.stack;

import io.limber.local.OwnSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Limber service running from its packaged jar, with its output in a log file. On JDK 25 it starts with the
 * service's AOT cache, or trains it ({@link AotCache}).
 */
final class ServiceProcess implements AutoCloseable {


    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Path jar;
    private final Map<String, String> env;
    private final Optional<AotCache> aot;
    private volatile Process process;
    private volatile boolean becameReady;

    private ServiceProcess(String name, int port, int managementPort, Path log, Path jar, Map<String, String> env,
                           Optional<AotCache> aot) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.jar = jar;
        this.env = env;
        this.aot = aot;
    }

    static ServiceProcess start(String name, int port, int managementPort, Path jar, Path log, Map<String, String> env) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw package -DskipTests)");
        }
        ServiceProcess service = new ServiceProcess(name, port, managementPort, log, jar, Map.copyOf(env),
                AotCache.of(jar));
        service.launch(ProcessBuilder.Redirect.to(log.toFile()));
        return service;
    }

    private void launch(ProcessBuilder.Redirect output) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")); // see deploy/bench/README.md, "startup"
        aot.ifPresent(cache -> {
            command.addAll(cache.options());
            System.out.println("[limber] " + name + ": " + cache.describe());
        });
        command.addAll(List.of("-jar", jar.toString()));
        becameReady = false;
        ProcessBuilder builder = new ProcessBuilder(OwnSession.command(command))
                .redirectOutput(output)
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** SIGKILL (kill -9): no graceful shutdown; returns once the process is gone. For the fault suite. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        aot.ifPresent(cache -> cache.exited(false)); // killed: it wrote no cache
    }

    /** Starts a stopped or killed service again: same ports, environment and log (appended to). */
    void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** Another instance of this service (same database, same consumer groups) on other ports, with its own log. */
    ServiceProcess replica(int replicaPort, int replicaManagementPort, Path replicaLog) {
        Map<String, String> replicaEnv = new java.util.HashMap<>(env);
        replicaEnv.put("QUARKUS_HTTP_PORT", Integer.toString(replicaPort));
        replicaEnv.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(replicaManagementPort));
        return start(name, replicaPort, replicaManagementPort, jar, replicaLog, replicaEnv);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code /q/health/ready} answers 200, failing early when the process exits. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                becameReady = true;
                return;
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    boolean ready() {
        return Readiness.isReady(managementPort, Duration.ofSeconds(2));
    }

    /**
     * SIGTERM (Quarkus shuts down gracefully), SIGKILL after 20 s; after 120 s when this run trains an AOT cache, which
     * the JVM writes as it exits (10 to 20 s on 2 cores).
     */
    @Override
    public void close() {
        Process process = this.process;
        boolean training = aot.map(AotCache::training).orElse(false);
        process.destroy();
        try {
            if (!process.waitFor(training ? 120 : 20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        aot.ifPresent(cache -> cache.exited(becameReady && !process.isAlive()));
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
