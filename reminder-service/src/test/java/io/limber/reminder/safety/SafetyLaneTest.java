package io.limber.reminder.safety;

import static io.limber.reminder.support.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.CloudEventForms;
import io.limber.local.testing.KafkaTestClient;
import io.limber.reminder.support.Database;
import io.limber.reminder.support.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The safety lane over the real broker and database: a pain-stop does not wait for a backlog of routine events. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class SafetyLaneTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BACKLOG = 5_000;
    private static final String LANE_GROUP = "reminder-service-safety";
    private static final String MAIN_GROUP = "reminder-service";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool pool;

    KafkaTestClient kafka;
    Database db;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrapServers);
        db = new Database(pool);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aSharpPainStopGetsItsSafetyNudgeWhileTheSessionEventsChannelWorksThroughABacklog() throws Exception {
        awaitLaneAssigned();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // thousands of routine events first, one person each, so the session-events channel has a transaction for each
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < BACKLOG; i++) {
                String user = "user-backlog-" + i;
                producer.send(new ProducerRecord<>("session-events", user, TestEvents.sessionStarted(user, now)));
            }
            producer.flush();
        }
        String user = "user-lane-1";
        // in binary mode (ce_* headers, the value is data): the form a librdkafka app sends, once missed by the lane
        RecordMetadata sent = kafka.send(CloudEventForms.record("session-events", user,
                TestEvents.painStop("lane-1", user, 8, true, List.of(), now), CloudEventForms.Form.BINARY));

        ConsumerRecord<String, String> safety = kafka.awaitRecord("nudges", r -> user.equals(r.key()), WAIT);
        long backlogHandled = backlogHandled();
        assertThat(json(safety.value()).path("id").asText()).isEqualTo(user + ":safety:lane-1");
        assertThat(json(safety.value()).path("data").path("kind").asText()).isEqualTo("safety");
        assertThat(backlogHandled)
                .as("routine events the session-events channel had handled when the safety nudge was out")
                .isLessThan(BACKLOG / 2);
        assertThat(db.query("SELECT pause_until FROM person WHERE user_id = $1", user)).singleElement()
                .satisfies(row -> assertThat(row.getOffsetDateTime("pause_until").toInstant())
                        .isEqualTo(now.plus(Duration.ofHours(48))));

        // the session-events channel still handles everything, the pain-stop included, and that adds no second nudge
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> backlogHandled() == BACKLOG);
        awaitMainChannelPast(sent);
        await().atMost(WAIT).until(() -> db.query("SELECT 1 FROM outbox WHERE message_key = $1", user).isEmpty());
        assertThat(kafka.readAll("nudges")).filteredOn(r -> user.equals(r.key()))
                .extracting(r -> json(r.value()).path("id").asText())
                .containsExactly(user + ":safety:lane-1");
        assertThat(db.query("SELECT id FROM nudge WHERE user_id = $1", user)).hasSize(1);
        assertThat(db.query("SELECT id FROM due_nudge WHERE user_id = $1", user)).extracting(r -> r.getString("id"))
                .containsExactly(user + ":check-in:lane-1");
        assertThat(db.query("SELECT event_id FROM pain_stop WHERE user_id = $1", user)).hasSize(1);
    }

    /** The session-events channel's group has committed past the record: it has handled it. */
    private void awaitMainChannelPast(RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(MAIN_GROUP).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    private long backlogHandled() {
        return db.query("SELECT count(*) AS n FROM person WHERE user_id LIKE 'user-backlog-%'").get(0).getLong("n");
    }

    /** The lane's consumer holds every partition of session-events, so the pain-stop is not waiting for a rebalance. */
    private void awaitLaneAssigned() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(LANE_GROUP)).all()
                        .get(10, TimeUnit.SECONDS).get(LANE_GROUP);
                return group.members().stream()
                        .mapToLong(m -> m.assignment().topicPartitions().stream()
                                .filter(p -> p.topic().equals("session-events")).count())
                        .sum() == partitions(admin);
            });
        }
    }

    private static int partitions(Admin admin) throws Exception {
        return admin.describeTopics(List.of("session-events")).allTopicNames().get(10, TimeUnit.SECONDS)
                .get("session-events").partitions().size();
    }
}
