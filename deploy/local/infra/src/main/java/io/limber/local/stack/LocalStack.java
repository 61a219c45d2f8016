package io.limber.local.stack;

import io.limber.local.Ports;
import io.limber.local.kafka.KafkaBroker;
import io.limber.local.kafka.LimberTopic;
import io.limber.local.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The whole system on one machine: a Kafka broker with Limber's topics, PostgreSQL (the configured one, or
 * an embedded one) with a database per service, and the three services from their packaged jars.
 * Ctrl-C stops everything it started, in reverse order.
 *
 * <p>Options: {@code --smoke} starts everything, checks that all services are ready, and stops again
 * (used by CI to keep the README's first command true); {@code --infra-only} starts Kafka and PostgreSQL
 * without the services; {@code --kafka-port N} (default 9092 when free).
 */
public final class LocalStack implements AutoCloseable {

    /** A service of Limber: its name, port and database. */
    record Service(String name, int port, String database) {
        Path jar(Path root) {
            return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("routine-service", 8081, "routine"),
            new Service("session-service", 8082, "session"),
            new Service("reminder-service", 8083, "reminder"));

    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile boolean stopping;
    private Path simulatorLog;
    private final Map<String, Integer> ports = new java.util.HashMap<>();
    private KafkaBroker broker;
    private PostgresServer postgres;

    /** Starts everything the options ask for; the caller closes it. */
    public static LocalStack start(Options options, Path root) {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(options, root);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The base URL of a running service, e.g. {@code http://127.0.0.1:8082}. */
    public java.net.URI url(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no service " + service + " running");
        }
        return java.net.URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        stop();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LocalStack stack = new LocalStack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "limber-local-stop"));
        try {
            stack.startAll(options, Path.of("").toAbsolutePath());
            if (options.smoke()) {
                System.out.println("smoke: all services ready; stopping");
                System.exit(0);
            }
            stack.watch(stack.services);
        } catch (RuntimeException e) {
            System.err.println("local stack failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private void startAll(Options options, Path root) {
        Path logs = root.resolve(".local-stack/logs");
        createDirectories(logs);
        Instant begin = Instant.now();

        for (Service service : SERVICES) {
            ports.put(service.name(), options.freePorts() ? Ports.free() : service.port());
            if (!options.infraOnly() && Ports.isListening("127.0.0.1", ports.get(service.name()))) {
                throw new IllegalStateException("port " + ports.get(service.name()) + " for " + service.name()
                        + " is taken: is another local stack running?");
            }
        }

        say("starting Kafka (KRaft, one node) ...");
        broker = KafkaBroker.start(tempDir("limber-kafka-"), true, Ports.preferred(options.kafkaPort()));
        started.push(broker);
        broker.createTopics(LimberTopic.ALL);

        say("starting PostgreSQL ...");
        postgres = PostgresServer.fromEnvironmentOrEmbedded(System.getenv(), Ports.preferred(5433), null);
        started.push(postgres);
        SERVICES.forEach(service -> postgres.createDatabaseIfMissing(service.database()));

        List<ServiceProcess> processes = services;
        if (!options.infraOnly()) {
            for (Service service : SERVICES) {
                say("starting " + service.name() + " ...");
                int port = ports.get(service.name());
                ServiceProcess process = ServiceProcess.start(service.name(), port, service.jar(root),
                        logs.resolve(service.name() + ".log"), Map.of(
                                "QUARKUS_HTTP_PORT", Integer.toString(port),
                                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                                "DB_HOST", postgres.host(),
                                "DB_PORT", Integer.toString(postgres.port()),
                                "DB_NAME", service.database(),
                                "DB_USER", postgres.user(),
                                "DB_PASSWORD", postgres.password()));
                started.push(process);
                processes.add(process);
            }
            for (ServiceProcess process : processes) {
                process.awaitReady(Duration.ofSeconds(120));
            }
        }
        printSummary(broker, postgres, processes, Duration.between(begin, Instant.now()), logs);
        if (options.simulator()) {
            startSimulator(root, logs, options.simulatorArgs());
        }
    }

    private void startSimulator(Path root, Path logs, List<String> args) {
        Path module = root.resolve("deploy/simulator/target");
        Path classpathFile = module.resolve("runtime.classpath");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException("the simulator is not built: " + classpathFile + " is missing");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", module.resolve("classes") + java.io.File.pathSeparator + readString(classpathFile).trim(),
                "io.limber.simulator.Simulator",
                "--kafka", broker.bootstrapServers(),
                "--routine-service", url("routine-service").toString(),
                "--session-service", url("session-service").toString()));
        command.addAll(args);
        simulatorLog = logs.resolve("simulator.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(simulatorLog.toFile()).start();
            started.push(() -> {
                process.destroy();
                process.waitFor();
            });
            say("client simulator started (" + (args.isEmpty() ? "14 people, 28 days of history, seed 42" : String.join(" ", args))
                    + "); its log: " + simulatorLog);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the simulator", e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blocks until Ctrl-C; says so when a service dies. */
    void watch(List<ServiceProcess> services) throws InterruptedException {
        List<ServiceProcess> alive = new ArrayList<>(services);
        LiveSummary summary = services.isEmpty() ? null : new LiveSummary(url("routine-service"),
                url("session-service"), url("reminder-service"), simulatorLog);
        long tick = 0;
        while (true) {
            if (summary != null && tick++ % 10 == 5) {
                System.out.print(summary.render());
            }
            for (ServiceProcess service : List.copyOf(alive)) {
                if (!service.isAlive() && !stopping) {
                    say(service.name() + " stopped unexpectedly; its log: " + service.log());
                    alive.remove(service);
                }
            }
            Thread.sleep(1_000);
        }
    }

    /** Stops everything started, newest first. Safe to call more than once. */
    void stop() {
        stopping = true;
        AutoCloseable next;
        boolean any = !started.isEmpty();
        while ((next = started.poll()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        if (any) {
            say("stopped everything");
        }
    }

    private static void printSummary(KafkaBroker broker, PostgresServer postgres, List<ServiceProcess> services,
                                     Duration took, Path logs) {
        StringBuilder out = new StringBuilder();
        out.append("\nLimber is up (").append(took.toMillis() / 100 / 10.0).append(" s)\n\n");
        out.append(String.format("  %-18s %s%n", "Kafka", broker.bootstrapServers()));
        out.append(String.format("  %-18s %s:%d user %s (%s) databases routine, session, reminder%n", "PostgreSQL",
                postgres.host(), postgres.port(), postgres.user(), postgres.isEmbedded() ? "embedded" : "configured"));
        for (ServiceProcess service : services) {
            String base = "http://127.0.0.1:" + service.port();
            out.append(String.format("  %-18s %s  (OpenAPI %s/q/openapi, metrics %s/q/metrics, health %s/q/health)%n",
                    service.name(), base, base, base, base));
        }
        out.append("\n  logs in ").append(logs).append("\n  Ctrl-C stops everything.\n");
        System.out.println(out);
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(String message) {
        System.out.println("[limber] " + message);
    }

    /** Command-line options. */
    public record Options(boolean smoke, boolean infraOnly, int kafkaPort, boolean freePorts, boolean simulator,
                          List<String> simulatorArgs) {

        /** The services on free ports, no simulator: what tests want, even beside a running local stack. */
        public static Options forTests() {
            return new Options(false, false, Ports.free(), true, false, List.of());
        }

        public static Options parse(String[] args) {
            boolean smoke = false;
            boolean infraOnly = false;
            boolean simulator = true;
            int kafkaPort = 9092;
            List<String> simulatorArgs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--smoke" -> smoke = true;
                    case "--infra-only" -> infraOnly = true;
                    case "--no-simulator" -> simulator = false;
                    case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                    case "--people", "--days", "--seed", "--rate" -> {
                        simulatorArgs.add(args[i]);
                        simulatorArgs.add(args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --smoke, --infra-only, --no-simulator, --kafka-port N, --people N, --days N,"
                            + " --seed N, --rate EVENTS_PER_S)");
                }
            }
            return new Options(smoke, infraOnly, kafkaPort, false, simulator && !smoke && !infraOnly,
                    List.copyOf(simulatorArgs));
        }
    }
}
