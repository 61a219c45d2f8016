package io.limber.local.testing;

import io.limber.local.kafka.KafkaBroker;
import io.limber.local.kafka.LimberTopic;
import io.limber.local.postgres.PostgresServer;
import io.limber.local.security.DevKeyPair;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Quarkus test resource that gives a service a real Kafka broker with Limber's topics and a fresh
 * PostgreSQL database of its own for this test run; both are removed when Quarkus stops.
 *
 * <p>Init argument {@code database}: the prefix of the database name (the service's own database).
 *
 * <p>Also generates a key pair for bearer tokens (once per test JVM): the service trusts its public half and
 * issuer {@link TestTokens#ISSUER}; tests sign tokens with {@link TestTokens}.
 *
 * <p>Fills every {@link KafkaTestClient} field marked {@link InjectKafka} with one client of this broker.
 */
public class KafkaAndPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String databasePrefix = "limber";
    private KafkaBroker broker;
    private KafkaTestClient kafka;
    private PostgresServer postgres;
    private String database;
    private static Path keyDir;

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.startTemporary();
        broker.createTopics(LimberTopic.ALL);
        postgres = PostgresServer.fromEnvironmentOrEmbedded();
        database = databasePrefix + "_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        postgres.createDatabaseIfMissing(database);

        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        Path keys = testKeys();
        config.put("mp.jwt.verify.publickey.location", keys.resolve(DevKeyPair.PUBLIC_KEY_FILE).toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(kafkaClient(),
                new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, KafkaTestClient.class));
    }

    // One client for the run, made on first use: its producer is thread-safe and each read opens its own consumer.
    private synchronized KafkaTestClient kafkaClient() {
        if (kafka == null) {
            kafka = new KafkaTestClient(broker.bootstrapServers());
        }
        return kafka;
    }

    private static synchronized Path testKeys() {
        if (keyDir == null) {
            keyDir = DevKeyPair.generateIntoTemporaryDirectory("limber-test-keys-");
        }
        System.setProperty(TestTokens.KEY_DIR_PROPERTY, keyDir.toString());
        return keyDir;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            try {
                postgres.dropDatabase(database);
            } finally {
                postgres.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }
}
