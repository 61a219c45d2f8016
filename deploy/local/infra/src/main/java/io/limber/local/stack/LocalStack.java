package io.limber.local.stack;

import io.limber.local.Directories;
import io.limber.local.OwnSession;
import io.limber.local.Ports;
import io.limber.local.kafka.KafkaBroker;
import io.limber.local.kafka.LimberTopic;
import io.limber.local.postgres.PostgresServer;
import io.limber.local.security.DevKeyPair;
import io.limber.local.security.TokenIssuer;
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
 * Ctrl-C stops everything it started, in reverse order: the services before Kafka and PostgreSQL (each child runs in
 * its own session, so the terminal's SIGINT reaches only this process).
 *
 * <p>Options: {@code --smoke} starts everything, checks that all services are ready, stops again and fails when a
 * service logged a WARN or ERROR line (used by CI to keep the README's first command true and its start and stop clean); {@code --infra-only} starts Kafka and PostgreSQL
 * without the services; {@code --kafka-port N} (default 9092 when free); {@code --no-web} without the patient web app
 * (otherwise served on http://127.0.0.1:8090/ when node and its build are there, see {@link WebAppProcess}).
 */
public final class LocalStack implements AutoCloseable {

    /** A service of Limber: its name, API port, management port (health, metrics) and database. */
    record Service(String name, int port, int managementPort, String database) {
        Path jar(Path root) {
            return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("routine-service", 8081, 9081, "routine"),
            new Service("session-service", 8082, 9082, "session"),
            new Service("reminder-service", 8083, 9083, "reminder"));

    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile boolean stopping;
    private Path simulatorLog;
    private final Map<String, Integer> ports = new java.util.HashMap<>();
    private final Map<String, Integer> managementPorts = new java.util.HashMap<>();
    private Path keyDir;
    private Path logs;
    private TokenIssuer tokens;
    private KafkaBroker broker;
    private PostgresServer postgres;
    private final Map<String, ServiceProcess> replicas = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * Signs bearer tokens the running services accept (the run's dev key pair, issuer
     * {@link TokenIssuer#DEV_ISSUER}): {@code tokens().patient(userId)}, {@code clinician(id)}, {@code admin(id)}.
     */
    public TokenIssuer tokens() {
        return tokens;
    }

    /** The log file of a service (its whole output). */
    public Path logFile(String service) {
        return logs.resolve(service + ".log");
    }

    /** The directory holding this run's dev key pair (the simulator's {@code --jwt-keys}). */
    public Path keyDirectory() {
        return keyDir;
    }

    /** The management base URL of a running service (health and metrics), e.g. {@code http://127.0.0.1:9082}. */
    public java.net.URI managementUrl(String service) {
        Integer port = managementPorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no service " + service + " running");
        }
        return java.net.URI.create("http://127.0.0.1:" + port);
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

    // ---- Fault controls, for the fault suite (deploy/faults) ----

    /** kill -9 of a running service; returns once it is gone. */
    public void killService(String service) {
        process(service).kill();
    }

    /** Starts a killed service again on the same ports, with the same environment; does not wait until ready. */
    public void startService(String service) {
        process(service).restart();
    }

    /**
     * Starts a second instance of a service on free ports (same database, same consumer groups); returns its
     * management URL without waiting until it is ready. {@link #stopReplica} stops it; {@link #close} does anyway.
     */
    public java.net.URI startReplica(String service) {
        if (replicas.containsKey(service)) {
            throw new IllegalStateException("a replica of " + service + " is already running");
        }
        int managementPort = Ports.free();
        ServiceProcess replica = process(service).replica(Ports.free(), managementPort,
                logs.resolve(service + "-replica.log"));
        replicas.put(service, replica);
        started.push(replica);
        return java.net.URI.create("http://127.0.0.1:" + managementPort);
    }

    /** Stops a replica started by {@link #startReplica} (SIGTERM: it leaves its consumer groups); waits until gone. */
    public void stopReplica(String service) {
        ServiceProcess replica = replicas.remove(service);
        if (replica == null) {
            throw new IllegalStateException("no replica of " + service + " running");
        }
        replica.close();
    }

    /** Stops the Kafka broker, keeping its log directory. */
    public void stopKafka() {
        broker.stop();
    }

    /** Starts the stopped broker again on the same port and log directory (no record lost); returns once ready. */
    public void startKafka() {
        broker.restart();
    }

    /** Stops PostgreSQL (only the embedded one of {@link Options#forFaultTests()}), keeping its data directory. */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts the stopped PostgreSQL again on the same port and data directory. */
    public void startPostgres() {
        postgres.restart();
    }

    private ServiceProcess process(String service) {
        return services.stream().filter(p -> p.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service + " running"));
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LocalStack stack = new LocalStack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "limber-local-stop"));
        try {
            stack.startAll(options, Path.of("").toAbsolutePath());
            if (options.smoke()) {
                // a consumer stopped while its group still rebalances logs a WARN at close: stop a settled system
                Instant settleBy = Instant.now().plusSeconds(60);
                while (!stack.broker.consumerGroupsStable() && Instant.now().isBefore(settleBy)) {
                    Thread.sleep(500);
                }
                System.out.println("smoke: all services ready, their consumer groups stable; stopping");
                stack.stop();
                List<String> warnings = CleanLogs.warningsAndErrors(
                        SERVICES.stream().map(service -> stack.logFile(service.name())).toList());
                if (!warnings.isEmpty()) {
                    System.out.println("smoke: FAIL " + warnings.size() + " WARN/ERROR lines in a start and stop:");
                    warnings.forEach(line -> System.out.println("  " + line));
                    System.exit(1);
                }
                System.out.println("smoke: a start and a stop logged no WARN or ERROR line");
                System.exit(0);
            }
            stack.watch(stack.services);
        } catch (RuntimeException e) {
            System.err.println("local stack failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private void startAll(Options options, Path root) {
        // tests keep their logs apart from those of a local stack that may be running beside them
        logs = root.resolve(options.freePorts() ? ".local-stack/test-logs" : ".local-stack/logs");
        createDirectories(logs);
        Instant begin = Instant.now();

        for (Service service : SERVICES) {
            ports.put(service.name(), options.freePorts() ? Ports.free() : service.port());
            managementPorts.put(service.name(), options.freePorts() ? Ports.free() : service.managementPort());
            for (int port : List.of(ports.get(service.name()), managementPorts.get(service.name()))) {
                if (!options.infraOnly() && Ports.isListening("127.0.0.1", port)) {
                    throw new IllegalStateException("port " + port + " for " + service.name()
                            + " is taken: is another local stack running?");
                }
            }
        }

        // Bearer tokens: a key pair made for this run (never committed); services trust its public half.
        // Tests get their own directory, so they never replace the keys of a local stack running beside them.
        keyDir = options.freePorts() ? tempDir("limber-keys-") : root.resolve(".local-stack/keys");
        tokens = new TokenIssuer(DevKeyPair.generateInto(keyDir).privateKey(), TokenIssuer.DEV_ISSUER);
        if (options.freePorts()) {
            Path temporaryKeys = keyDir;
            started.push(() -> {
                Files.deleteIfExists(temporaryKeys.resolve(DevKeyPair.PRIVATE_KEY_FILE));
                Files.deleteIfExists(temporaryKeys.resolve(DevKeyPair.PUBLIC_KEY_FILE));
                Files.deleteIfExists(temporaryKeys);
            });
        }

        say("starting Kafka (KRaft, one node) ...");
        broker = KafkaBroker.start(tempDir("limber-kafka-"), true, Ports.preferred(options.kafkaPort()));
        started.push(broker);
        broker.createTopics(LimberTopic.ALL);
        if (!options.freePorts()) {
            // deploy/local/kafka reads it: the broker is on another port when 9092 was taken
            Path address = root.resolve(".local-stack/kafka-bootstrap");
            writeString(address, broker.bootstrapServers() + "\n");
            started.push(() -> Files.deleteIfExists(address));
        }

        say("starting PostgreSQL ...");
        if (options.restartablePostgres()) {
            // never the machine's own server: the fault suite stops and restarts this one
            Path dataDir = tempDir("limber-pg-");
            started.push(() -> Directories.deleteRecursively(dataDir));
            postgres = PostgresServer.restartableEmbedded(Ports.free(), dataDir, PostgresServer.Stop.BY_OWNER);
        } else {
            // stopped by stop(), after the services: zonky's own hook would stop it at once, while they still drain
            postgres = PostgresServer.fromEnvironmentOrEmbedded(System.getenv(), Ports.preferred(5433), null,
                    PostgresServer.Stop.BY_OWNER);
        }
        started.push(postgres);
        SERVICES.forEach(service -> postgres.createDatabaseIfMissing(service.database()));

        List<ServiceProcess> processes = services;
        if (!options.infraOnly()) {
            for (Service service : SERVICES) {
                say("starting " + service.name() + " ...");
                int port = ports.get(service.name());
                int managementPort = managementPorts.get(service.name());
                ServiceProcess process = ServiceProcess.start(service.name(), port, managementPort, service.jar(root),
                        logs.resolve(service.name() + ".log"), Map.of(
                                "QUARKUS_HTTP_PORT", Integer.toString(port),
                                "QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort),
                                "JWT_ISSUER", TokenIssuer.DEV_ISSUER,
                                "JWT_PUBLIC_KEY_LOCATION", keyDir.resolve(DevKeyPair.PUBLIC_KEY_FILE).toString(),
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
        WebAppProcess webApp = null;
        if (options.web() && !options.infraOnly()) {
            webApp = WebAppProcess.start(root, Map.of("routine-service", url("routine-service"),
                    "session-service", url("session-service"), "reminder-service", url("reminder-service")),
                    keyDir, logs.resolve("web.log"), LocalStack::say).orElse(null);
            if (webApp != null) {
                started.push(webApp);
            }
        }
        printSummary(broker, postgres, processes, webApp, Duration.between(begin, Instant.now()), logs);
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
                "--session-service", url("session-service").toString(),
                "--jwt-keys", keyDir.toString()));
        command.addAll(args);
        simulatorLog = logs.resolve("simulator.log");
        try {
            Process process = new ProcessBuilder(OwnSession.command(command)).redirectErrorStream(true)
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

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        LiveSummary summary = services.isEmpty() ? null : new LiveSummary(managementUrl("routine-service"),
                managementUrl("session-service"), managementUrl("reminder-service"), simulatorLog);
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

    /**
     * Stops everything started, newest first: the simulator, then the services (together: each drains its Kafka
     * consumers for a few seconds), then Kafka and PostgreSQL, which they use until they are gone. Safe to call more
     * than once.
     */
    void stop() {
        stopping = true;
        AutoCloseable next;
        boolean any = !started.isEmpty();
        while ((next = started.poll()) != null) {
            List<AutoCloseable> together = new ArrayList<>(List.of(next));
            while (next instanceof ServiceProcess && started.peek() instanceof ServiceProcess) {
                together.add(started.poll());
            }
            List<Thread> closing = together.stream()
                    .map(closeable -> new Thread(() -> closeQuietly(closeable), "limber-stop"))
                    .toList();
            closing.forEach(Thread::start);
            for (Thread thread : closing) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (any) {
            say("stopped everything");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e.getMessage());
        }
    }

    private static void printSummary(KafkaBroker broker, PostgresServer postgres, List<ServiceProcess> services,
                                     WebAppProcess webApp, Duration took, Path logs) {
        StringBuilder out = new StringBuilder();
        out.append("\nLimber is up (").append(took.toMillis() / 100 / 10.0).append(" s)\n\n");
        out.append(String.format("  %-18s %s%n", "Kafka", broker.bootstrapServers()));
        out.append(String.format("  %-18s %s:%d user %s (%s) databases routine, session, reminder%n", "PostgreSQL",
                postgres.host(), postgres.port(), postgres.user(), postgres.isEmbedded() ? "embedded" : "configured"));
        for (ServiceProcess service : services) {
            String base = "http://127.0.0.1:" + service.port();
            String management = "http://127.0.0.1:" + service.managementPort();
            out.append(String.format("  %-18s %s  (OpenAPI %s/q/openapi; metrics %s/q/metrics, health %s/q/health)%n",
                    service.name(), base, base, management, management));
        }
        if (webApp != null) {
            out.append(String.format("  %-18s %s  (patient app: sign in with any id, dev login with this run's key)%n",
                    "web app", webApp.url()));
        }
        out.append("\n  logs in ").append(logs)
                .append("\n  APIs need a bearer token: deploy/local/token patient USER_ID | clinician | admin")
                .append("\n  Ctrl-C stops everything.\n");
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
                          List<String> simulatorArgs, boolean restartablePostgres, boolean web) {

        /** The services on free ports, no simulator: what tests want, even beside a running local stack. */
        public static Options forTests() {
            return new Options(false, false, Ports.free(), true, false, List.of(), false, false);
        }

        /**
         * As {@link #forTests()}, with an embedded PostgreSQL of its own (whatever {@code LIMBER_PG_HOST} says) that
         * {@link #stopPostgres()} and {@link #startPostgres()} may take down and bring back.
         */
        public static Options forFaultTests() {
            return new Options(false, false, Ports.free(), true, false, List.of(), true, false);
        }

        public static Options parse(String[] args) {
            boolean smoke = false;
            boolean infraOnly = false;
            boolean simulator = true;
            boolean web = true;
            int kafkaPort = 9092;
            List<String> simulatorArgs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--smoke" -> smoke = true;
                    case "--infra-only" -> infraOnly = true;
                    case "--no-simulator" -> simulator = false;
                    case "--no-web" -> web = false;
                    case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                    case "--people", "--days", "--seed", "--rate" -> {
                        simulatorArgs.add(args[i]);
                        simulatorArgs.add(args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --smoke, --infra-only, --no-simulator, --kafka-port N, --people N, --days N,"
                            + " --seed N, --rate EVENTS_PER_S, --no-web)");
                }
            }
            return new Options(smoke, infraOnly, kafkaPort, false, simulator && !smoke && !infraOnly,
                    List.copyOf(simulatorArgs), false, web);
        }
    }
}
