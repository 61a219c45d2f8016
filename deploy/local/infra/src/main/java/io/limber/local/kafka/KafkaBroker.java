package io.limber.local.kafka;

import io.limber.local.Directories;
import io.limber.local.OwnSession;
import io.limber.local.Ports;
import io.limber.local.kafka.runtime.KafkaRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft mode (one node, broker and controller), run as a separate JVM
 * from the Kafka jars on Maven Central, listening on loopback only.
 *
 * <p>{@link #close()} stops it and deletes its data directory when it was a temporary one. The broker
 * JVM also exits by itself when this JVM dies, because it watches its standard input.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private volatile Process process;

    private KafkaBroker(Path workDir, boolean temporary, int port, int controllerPort, Process process) {
        this.workDir = workDir;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = process;
    }

    /** Starts a broker on a free port with its data in a new temporary directory. */
    public static KafkaBroker startTemporary() {
        try {
            return start(Files.createTempDirectory("limber-kafka-"), true, Ports.free());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on the given port with its data under {@code workDir} (created if missing). */
    public static KafkaBroker start(Path workDir, boolean temporary, int port) {
        int controllerPort = Ports.free();
        KafkaBroker broker = new KafkaBroker(workDir, temporary, port, controllerPort,
                launch(workDir, port, controllerPort));
        broker.awaitReady();
        return broker;
    }

    private static Process launch(Path workDir, int port, int controllerPort) {
        try {
            Files.createDirectories(workDir);
            Path properties = writeServerProperties(workDir, port, controllerPort);
            Path log4j = workDir.resolve("log4j2.properties");
            try (InputStream in = KafkaBroker.class.getResourceAsStream("log4j2.properties")) {
                Files.copy(in, log4j, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(workDir.resolve("data").resolve("meta.properties"))) {
                format(workDir, properties, log4j);
            }
            return javaProcess(log4j, KafkaRuntime.BROKER_MAIN, properties.toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("broker.log").toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker in " + workDir, e);
        }
    }

    /**
     * Stops the broker (SIGTERM, as an operator would) but keeps its data directory: {@link #restart()} brings it
     * back with every record. Used by the fault suite.
     */
    public void stop() {
        stopProcess();
    }

    /** Starts a stopped broker again on the same port, controller port and data directory; returns once ready. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the Kafka broker is still running");
        }
        process = launch(workDir, port, controllerPort);
        awaitReady();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return workDir.resolve("broker.log");
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<LimberTopic> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.config()))
                    .toList();
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topics: " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics", e);
        }
    }

    /**
     * Whether every group on the broker has finished rebalancing (state Stable). Stopping a consumer while its group
     * still rebalances (the first seconds after a start, cooperative rebalancing takes several rounds) leaves requests
     * pending at the coordinator, and the Kafka client then logs a WARN as it closes.
     */
    public boolean consumerGroupsStable() {
        try (Admin admin = admin()) {
            Collection<GroupListing> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS);
            return !groups.isEmpty() && groups.stream()
                    .allMatch(g -> g.groupState().map(state -> state == GroupState.STABLE).orElse(false));
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 20 s) and removes a temporary data directory. */
    @Override
    public void close() {
        stopProcess();
        if (temporary) {
            Directories.deleteRecursively(workDir);
        }
    }

    private void stopProcess() {
        Process process = this.process;
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                        + " during start-up; its log ends with:\n" + tail(logFile()));
            }
            if (Ports.isListening("127.0.0.1", port) && clusterAnswers()) {
                return;
            }
            sleepQuietly(200);
        }
        close();
        throw new IllegalStateException("the Kafka broker did not become ready within " + START_TIMEOUT
                + "; its log ends with:\n" + tail(logFile()));
    }

    private boolean clusterAnswers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static void format(Path workDir, Path properties, Path log4j) throws IOException {
        Process format = javaProcess(log4j, KafkaRuntime.STORAGE_TOOL,
                "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString())
                .redirectOutput(workDir.resolve("format.log").toFile())
                .redirectErrorStream(true)
                .start();
        try {
            format.getOutputStream().close();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka log directory failed:\n"
                        + tail(workDir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka log directory", e);
        }
    }

    private static ProcessBuilder javaProcess(Path log4j, String mainClass, String... args) {
        String classpath = KafkaRuntime.brokerClasspath().stream()
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx768m", "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp", classpath,
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(OwnSession.command(command));
    }

    private static Path writeServerProperties(Path workDir, int port, int controllerPort) throws IOException {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.setProperty("log.dirs", workDir.resolve("data").toString());
        props.setProperty("num.partitions", "1");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "12");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("default.replication.factor", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("auto.create.topics.enable", "true");
        Path file = workDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "Limber single-node KRaft broker");
        }
        return file;
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
