package io.limber.reminder.safety;

import static io.limber.reminder.support.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.reminder.nudge.EventSchemas;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pain-safety path over the real broker and database, at the system's own time. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class SafetyPathTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @InjectKafka
    KafkaTestClient kafka;
    Database db;

    @BeforeEach
    void connect() {
        db = new Database(pool);
    }

    @Test
    void aRedFlagGivesTheEmergencyMessageWithinASecondAndAnUrgentCareReview() {
        // warm up: the consumer has its partitions and the relay has connected before we time anything
        kafka.send("session-events", "warm-up", TestEvents.painStop("w-1", "warm-up", 9, true, List.of(), now()));
        kafka.awaitRecord("nudges", r -> "warm-up".equals(r.key()), WAIT);

        // Three red flags, one after the other. On a CI machine shared with other builds any single message can
        // be stalled by CPU starvation, so the best of three must be under a second and none may take seconds.
        List<Long> endToEnd = new java.util.ArrayList<>();
        List<Long> inService = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String user = "user-rf-" + i;
            RecordMetadata sent = kafka.send("session-events", user,
                    TestEvents.painStop("rf-" + i, user, 4, false, List.of("saddle-numbness"), now()));
            ConsumerRecord<String, String> emergency = kafka.awaitRecord("nudges", r -> user.equals(r.key()), WAIT);
            JsonNode data = json(emergency.value()).path("data");
            assertThat(data.path("kind").asText()).isEqualTo("emergency");
            assertThat(data.path("title").asText()).isEqualTo("Seek emergency care now");
            assertThat(data.path("priority").asText()).isEqualTo("high");
            EventSchemas.assertValid(EventSchemas.nudge(), emergency.value());
            long handledAt = db.query("SELECT created_at FROM nudge WHERE id = $1", user + ":emergency:rf-" + i)
                    .get(0).getOffsetDateTime("created_at").toInstant().toEpochMilli();
            endToEnd.add(emergency.timestamp() - sent.timestamp());
            inService.add(emergency.timestamp() - handledAt);
        }
        assertThat(java.util.Collections.min(endToEnd))
                .as("best ms from pain-stop to emergency nudge, of %s (in the service: %s)", endToEnd, inService)
                .isLessThan(1000);
        assertThat(java.util.Collections.max(endToEnd)).as("slowest of %s", endToEnd).isLessThan(5000);
        assertThat(inService).as("ms from handling the pain-stop to the nudge on Kafka").allMatch(ms -> ms < 1000);

        ConsumerRecord<String, String> review = kafka.awaitRecord("care-reviews", r -> "user-rf-1".equals(r.key()),
                WAIT);
        EventSchemas.assertValid(EventSchemas.careReviewRequested(), review.value());
        assertThat(json(review.value()).path("data").path("urgent").asBoolean()).isTrue();
        assertThat(json(review.value()).path("data").path("reason").asText()).isEqualTo("red-flag");
        assertThat(json(review.value()).path("id").asText()).isEqualTo("user-rf-1:care-review:red-flag:rf-1");
    }

    @Test
    void aSharpPainStopPublishesOneSafetyNudgeEvenWhenRedeliveredAndPlansACheckIn() {
        String sharp = TestEvents.painStop("p-1", "user-ps-1", 4, true, List.of(), now());
        kafka.send("session-events", "user-ps-1", sharp);
        kafka.send("session-events", "user-ps-1", sharp); // redelivered
        kafka.send("session-events", "user-ps-1", TestEvents.painStop("p-2", "user-ps-1", 2, false, List.of(), now()));
        kafka.send("session-events", "user-ps-1", TestEvents.painStop("p-3", "user-ps-1", 8, false, List.of(), now()));

        // same key, same partition: once p-3's nudge is out, the duplicate and p-2 have been handled
        List<ConsumerRecord<String, String>> nudges = kafka.awaitRecords("nudges",
                r -> "user-ps-1".equals(r.key()) && json(r.value()).path("data").path("kind").asText().equals("safety"),
                2, WAIT);
        assertThat(nudges).extracting(r -> json(r.value()).path("id").asText())
                .containsExactly("user-ps-1:safety:p-1", "user-ps-1:safety:p-3");
        nudges.forEach(r -> EventSchemas.assertValid(EventSchemas.nudge(), r.value()));
        assertThat(json(nudges.get(0).value()).path("data").path("body").asText())
                .contains("Do not push through sharp pain");

        // every pain-stop, even the mild one, gets a check-in planned for the next morning
        await().atMost(WAIT).untilAsserted(() -> assertThat(db.query(
                        "SELECT id FROM due_nudge WHERE user_id = $1 AND kind = 'check-in'", "user-ps-1"))
                .extracting(r -> r.getString("id"))
                .containsExactlyInAnyOrder("user-ps-1:check-in:p-1", "user-ps-1:check-in:p-2",
                        "user-ps-1:check-in:p-3"));
        assertThat(db.query("SELECT pause_until FROM person WHERE user_id = $1", "user-ps-1")).singleElement()
                .satisfies(r -> assertThat(r.getOffsetDateTime("pause_until")).isNotNull());
        assertThat(kafka.readAll("nudges").stream().filter(r -> "user-ps-1".equals(r.key()))).hasSize(2);
    }

    @Test
    void aSecondPainStopWithinSevenDaysRaisesACareReview() {
        Instant first = now().minus(Duration.ofDays(3));
        kafka.send("session-events", "user-cr-1", TestEvents.painStop("cr-1", "user-cr-1", 3, false, List.of(), first));
        kafka.send("session-events", "user-cr-1", TestEvents.painStop("cr-2", "user-cr-1", 4, false, List.of(), now()));

        ConsumerRecord<String, String> review = kafka.awaitRecord("care-reviews", r -> "user-cr-1".equals(r.key()),
                WAIT);
        JsonNode data = json(review.value()).path("data");
        assertThat(data.path("reason").asText()).isEqualTo("repeated-pain-stop");
        assertThat(data.path("urgent").asBoolean()).isFalse();
        assertThat(data.path("painEventIds")).extracting(JsonNode::asText).containsExactly("cr-1", "cr-2");
    }

    @Test
    void painReportedAsNotSettledRaisesACareReview() {
        kafka.send("session-events", "user-ns-1", TestEvents.painStop("ns-1", "user-ns-1", 3, false, List.of(), now()));
        kafka.send("session-events", "user-ns-1",
                TestEvents.painReported("ns-r-1", "user-ns-1", false, "ns-1", now()));

        ConsumerRecord<String, String> review = kafka.awaitRecord("care-reviews", r -> "user-ns-1".equals(r.key()),
                WAIT);
        assertThat(json(review.value()).path("data").path("reason").asText()).isEqualTo("not-settled");
        EventSchemas.assertValid(EventSchemas.careReviewRequested(), review.value());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
