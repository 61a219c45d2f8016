package io.limber.bench.support;

import io.limber.bench.BenchContext;
import io.limber.local.Ports;
import io.limber.local.kafka.KafkaBroker;
import io.limber.local.kafka.LimberTopic;
import io.limber.local.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka (its own JVM, Limber's topics) and PostgreSQL (the one named by {@code LIMBER_PG_HOST}, else embedded) for
 * one benchmark. Databases it hands out are new, named after this process so parallel runs never share one, and
 * dropped on close.
 */
public final class Infra implements AutoCloseable {

    private final KafkaBroker broker;
    private final PostgresServer postgres;
    private final List<String> databases = new ArrayList<>();

    private Infra(KafkaBroker broker, PostgresServer postgres) {
        this.broker = broker;
        this.postgres = postgres;
    }

    public static Infra start(BenchContext context) {
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(Files.createTempDirectory(context.workDir(), "kafka-"), true, Ports.free());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            broker.createTopics(LimberTopic.ALL);
            return new Infra(broker, PostgresServer.fromEnvironmentOrEmbedded(System.getenv(), Ports.free(), null));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public KafkaBroker broker() {
        return broker;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** A new, empty database for {@code service} (e.g. {@code reminder}). */
    public String freshDatabase(String service) {
        String name = "bench_" + service + "_" + ProcessHandle.current().pid();
        postgres.dropDatabase(name);
        postgres.createDatabaseIfMissing(name);
        databases.add(name);
        return name;
    }

    @Override
    public void close() {
        for (String database : databases) {
            try {
                postgres.dropDatabase(database);
            } catch (RuntimeException e) {
                System.err.println("[bench] could not drop " + database + ": " + e.getMessage());
            }
        }
        postgres.close();
        broker.close();
    }
}
