package io.limber.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.platform.outbox.OutboxRelay;
import io.limber.platform.outbox.OutboxTable;
import io.limber.platform.outbox.RecordSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.spi.CDI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service's outbox (platform/outbox) must do, proven on the service's own table and topic against the
 * real PostgreSQL and Kafka: a crash between commit and publish loses nothing, and two relays draining one table at
 * once keep each key's order. A service's {@code OutboxRelayTest} extends it, with {@code @QuarkusTest}, its test
 * resource and {@code @TestProfile(OutboxRelayContract.RelayDrivenByTheTest.class)}, and names a topic it publishes;
 * the relay and the sender are the service's own beans.
 */
public abstract class OutboxRelayContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    @InjectKafka
    protected KafkaTestClient kafka;

    /** The relay does not run by itself, so only the test drives it. */
    public static class RelayDrivenByTheTest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("limber.outbox.relay.enabled", "false");
        }
    }

    /** A topic the service publishes through its outbox. */
    protected abstract String topic();

    /** The service's relay (its bean). */
    protected OutboxRelay relay() {
        return CDI.current().select(OutboxRelay.class).get();
    }

    /** A second relay on the same table, as another replica runs it. */
    protected OutboxRelay anotherRelay() {
        return new OutboxRelay(CDI.current().select(Pool.class).get(), relay().table(), 4, 500, record -> { },
                new SimpleMeterRegistry());
    }

    /** The service's sender to Kafka (its bean). */
    protected RecordSender kafkaSender() {
        return CDI.current().select(RecordSender.class).get();
    }

    @Test
    void aCrashBetweenCommitAndPublishLosesNothing() {
        String key = "crash-" + UUID.randomUUID();
        append(key, 0);
        // committed, not yet published: the record lives only in PostgreSQL
        assertThat(pending(key)).isEqualTo(1);

        // the process dies while publishing: Kafka got the record, but the acknowledgement never came back
        RecordSender dyingAfterSend = record -> kafkaSender().send(record)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("process killed")));
        OutboxRelay.Result crashed = relay().relayOnce(dyingAfterSend).await().atMost(WAIT);
        assertThat(crashed.sent()).isZero();
        assertThat(crashed.failed()).isPositive();
        // the process dies before anything reaches Kafka
        relay().relayOnce(record -> Uni.createFrom().failure(new IllegalStateException("process killed")))
                .await().atMost(WAIT);
        assertThat(pending(key)).isEqualTo(1);

        // after the restart the relay starts from the table alone
        drain(relay());
        List<ConsumerRecord<String, String>> published = kafka.awaitRecords(topic(), r -> key.equals(r.key()), 2, WAIT);
        // at least once: the record sent before the "crash" comes again, the same, which consumers skip by its id
        assertThat(published).extracting(ConsumerRecord::value).containsExactly(payload(key, 0), payload(key, 0));
        assertThat(pending(key)).isZero();
    }

    @Test
    void twoRelaysDrainingAtOnceKeepEachKeysOrder() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = IntStream.range(0, 24).mapToObj(i -> "order-" + run + "-" + i).toList();
        int perKey = 5;
        // interleaved, as many people's changes commit one after another
        for (int seq = 0; seq < perKey; seq++) {
            for (String key : keys) {
                append(key, seq);
            }
        }
        OutboxRelay one = relay();
        OutboxRelay two = anotherRelay();
        AtomicInteger sentByOne = new AtomicInteger();
        AtomicInteger sentByTwo = new AtomicInteger();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pendingWithPrefix("order-" + run) > 0) {
            assertThat(System.nanoTime()).as("drained in time").isLessThan(deadline);
            Uni.combine().all().unis(
                            one.relayOnce(kafkaSender()).invoke(r -> sentByOne.addAndGet(r.sent())),
                            two.relayOnce(kafkaSender()).invoke(r -> sentByTwo.addAndGet(r.sent())))
                    .discardItems().await().atMost(WAIT);
        }
        assertThat(sentByOne.get()).as("both relays took lanes").isPositive();
        assertThat(sentByTwo.get()).as("both relays took lanes").isPositive();
        assertThat(sentByOne.get() + sentByTwo.get()).isEqualTo(keys.size() * perKey);

        List<ConsumerRecord<String, String>> published = kafka.awaitRecords(topic(),
                r -> r.key() != null && r.key().startsWith("order-" + run), keys.size() * perKey, WAIT);
        Map<String, List<Integer>> byKey = published.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> seq(r.value()), Collectors.toList())));
        for (String key : keys) {
            assertThat(byKey.get(key)).as(key).containsExactly(0, 1, 2, 3, 4);
        }
    }

    private void drain(OutboxRelay relay) {
        OutboxRelay.Result result;
        do {
            result = relay.relayOnce(kafkaSender()).await().atMost(WAIT);
        } while (result.sent() > 0);
    }

    /** A committed row as the service's writers leave it (its lane is set by the table). */
    private void append(String key, int seq) {
        OutboxTable table = relay().table();
        sql("INSERT INTO " + table.name() + " (topic, " + table.keyColumn() + ", payload, created_at) "
                + "VALUES (?, ?, ?, now())", topic(), key, payload(key, seq));
    }

    private long pending(String key) {
        OutboxTable table = relay().table();
        return count("SELECT count(*) FROM " + table.name() + " WHERE " + table.keyColumn() + " = ?", key);
    }

    private long pendingWithPrefix(String prefix) {
        OutboxTable table = relay().table();
        return count("SELECT count(*) FROM " + table.name() + " WHERE " + table.keyColumn() + " LIKE ?", prefix + "%");
    }

    private static String payload(String key, int seq) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + key + "-" + seq + "\",\"source\":\"/outbox-relay-contract\","
                + "\"type\":\"limber.test.outbox\",\"seq\":" + seq + "}";
    }

    private static int seq(String payload) {
        Matcher matcher = SEQ.matcher(payload);
        assertThat(matcher.find()).as(payload).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static long count(String sql, Object... args) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, args);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String sql, Object... args) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, args)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
