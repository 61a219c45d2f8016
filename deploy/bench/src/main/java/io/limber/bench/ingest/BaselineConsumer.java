package io.limber.bench.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The least a consumer of {@code session-events} can do: a plain KafkaConsumer that inserts each poll's raw
 * records into its own table in one batched JDBC transaction, then commits the offsets. No parsing, no logic.
 */
final class BaselineConsumer {

    private BaselineConsumer() {
    }

    static IngestRun.Result run(IngestFixture fixture, Duration limit) throws Exception {
        String database = fixture.emptyDatabase("bench_baseline");
        try (Connection db = fixture.postgres.connect(database)) {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE raw_event (topic_partition INT NOT NULL, record_offset BIGINT NOT NULL,"
                        + " record_key TEXT, payload TEXT, PRIMARY KEY (topic_partition, record_offset))");
            }
            db.setAutoCommit(false);
            AtomicLong taken = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread consumer = new Thread(() -> consume(fixture, db, taken, stop), "baseline-consumer");
            consumer.setDaemon(true);
            consumer.start();
            Progress.Outcome outcome = new Progress(fixture.workload.events(), taken::get)
                    .await(limit, Duration.ofMillis(50));
            stop.set(true);
            consumer.join(30_000);
            return new IngestRun.Result(outcome.perSecond(), outcome.seconds(), outcome.complete(), database);
        }
    }

    private static void consume(IngestFixture fixture, Connection db, AtomicLong taken, AtomicBoolean stop) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO raw_event (topic_partition, record_offset, record_key, payload) VALUES (?, ?, ?, ?)")) {
            consumer.subscribe(List.of(IngestFixture.EVENTS_TOPIC));
            while (!stop.get()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<String, String> r : records) {
                    insert.setInt(1, r.partition());
                    insert.setLong(2, r.offset());
                    insert.setString(3, r.key());
                    insert.setString(4, r.value());
                    insert.addBatch();
                }
                insert.executeBatch();
                db.commit();
                consumer.commitSync();
                taken.addAndGet(records.count());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the baseline consumer failed: " + e.getMessage(), e);
        }
    }
}
