package io.limber.bench.ingest;

import io.limber.bench.BenchContext;
import io.limber.local.kafka.KafkaBroker;
import io.limber.local.kafka.LimberTopic;
import io.limber.local.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ingest benchmarks share: a Kafka broker with Limber's topics, {@code plans} and {@code session-events}
 * pre-loaded with a cohort's plans and history, PostgreSQL, and a template database in which session-service has
 * already taken in every plan (so each measured run starts from a copy of it, knowing everyone, nothing consumed).
 */
final class IngestFixture implements AutoCloseable {

    static final String EVENTS_TOPIC = "session-events";
    static final String TEMPLATE = "bench_session_template";
    /** The plans group every measured run shares: the plans are already in the template, nothing left to read. */
    static final String PLANS_GROUP = "bench-session-plans";
    /** An empty topic, for the replica that loads the plans while the events wait. */
    private static final String NO_EVENTS_TOPIC = "bench-no-events";

    final BenchContext context;
    final KafkaBroker broker;
    final PostgresServer postgres;
    final IngestWorkload workload;
    private final List<String> databases = new ArrayList<>();

    private IngestFixture(BenchContext context, KafkaBroker broker, PostgresServer postgres, IngestWorkload workload) {
        this.context = context;
        this.broker = broker;
        this.postgres = postgres;
        this.workload = workload;
    }

    /**
     * People in the cohort: about 54 events each over 28 days, sized so that the three benchmarks stay near 7 minutes
     * on the shared 2-core machine. {@code LIMBER_BENCH_PEOPLE} overrides it.
     */
    static int people(BenchContext context) {
        String override = System.getenv("LIMBER_BENCH_PEOPLE");
        if (override != null && !override.isBlank()) {
            return Integer.parseInt(override.trim());
        }
        return context.quick() ? 400 : 1_000;
    }

    private static IngestFixture shared;
    private boolean plansLoaded;

    /**
     * The fixture of this run, started by the first benchmark that needs it and shared by the others (same broker,
     * database server and events); stopped when the benchmark command exits. With {@code withPlans}, session-service
     * has taken in every plan into the template database.
     */
    static synchronized IngestFixture shared(BenchContext context, boolean withPlans) {
        if (shared == null) {
            shared = start(context);
            IngestFixture fixture = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(fixture::close, "bench-fixture-stop"));
        }
        if (withPlans && !shared.plansLoaded) {
            shared.loadPlans();
            shared.plansLoaded = true;
        }
        return shared;
    }

    private static IngestFixture start(BenchContext context) {
        context.say("starting Kafka and PostgreSQL ...");
        KafkaBroker broker = KafkaBroker.startTemporary();
        PostgresServer postgres = null;
        try {
            broker.createTopics(LimberTopic.ALL);
            broker.createTopics(List.of(new LimberTopic(NO_EVENTS_TOPIC, LimberTopic.PARTITIONS, false,
                    Duration.ofDays(1))));
            postgres = PostgresServer.fromEnvironmentOrEmbedded();
            IngestWorkload workload = new IngestWorkload(people(context), Clock.systemUTC());
            context.say(String.format("loading %,d plans and %,d session events ...", workload.people(),
                    workload.events()));
            workload.load(broker.bootstrapServers(), "plans", EVENTS_TOPIC);
            return new IngestFixture(context, broker, postgres, workload);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            broker.close();
            throw e;
        }
    }

    /** Lets one replica take in every plan into the template database, with no session event to read. */
    private void loadPlans() {
        postgres.dropDatabase(TEMPLATE);
        postgres.createDatabaseIfMissing(TEMPLATE);
        Instant began = Instant.now();
        try (SessionServiceReplica replica = SessionServiceReplica.start(context.root(),
                context.workDir().resolve("session-plans.log"), broker.bootstrapServers(), postgres, TEMPLATE,
                new SessionServiceReplica.Consumption(NO_EVENTS_TOPIC, "bench-no-events", PLANS_GROUP))) {
            replica.awaitReady(Duration.ofSeconds(120));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (count(TEMPLATE, "select count(*) from person") < workload.people()
                    || count(TEMPLATE, "select count(*) from outbox") > 0) {
                replica.requireAlive();
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("session-service did not take in every plan within 5 minutes");
                }
                Pause.of(Duration.ofMillis(250));
            }
        }
        context.say(String.format("session-service took in %,d plans in %d s", workload.people(),
                Duration.between(began, Instant.now()).toSeconds()));
    }

    /** A fresh database for a measured run: a copy of the template (every person known, nothing consumed). */
    String copyOfTemplate(String name) {
        postgres.dropDatabase(name);
        try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy the template database: " + e.getMessage(), e);
        }
        databases.add(name);
        return name;
    }

    String emptyDatabase(String name) {
        postgres.dropDatabase(name);
        postgres.createDatabaseIfMissing(name);
        databases.add(name);
        return name;
    }

    long count(String database, String query) {
        try (Connection c = postgres.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + " failed on " + database + ": " + e.getMessage(), e);
        }
    }

    Path log(String name) {
        return context.workDir().resolve(name + ".log");
    }

    @Override
    public void close() {
        for (String database : databases) {
            try {
                postgres.dropDatabase(database);
            } catch (RuntimeException e) {
                context.say("could not drop " + database + ": " + e.getMessage());
            }
        }
        try {
            postgres.dropDatabase(TEMPLATE);
        } catch (RuntimeException e) {
            context.say("could not drop " + TEMPLATE + ": " + e.getMessage());
        }
        postgres.close();
        broker.close();
    }
}
