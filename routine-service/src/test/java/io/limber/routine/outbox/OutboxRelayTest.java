package io.limber.routine.outbox;

import static io.limber.routine.testing.Callers.asClinician;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.OutboxRelayContract;
import io.limber.platform.outbox.OutboxRelay;
import io.limber.platform.outbox.RecordSender;
import io.limber.routine.testing.Database;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The relay driven by hand (it does not run by itself in this profile), to place a crash exactly where we want it:
 * the outbox contract every service proves ({@link OutboxRelayContract}), then the same through plan changes.
 */
@QuarkusTest
@TestProfile(OutboxRelayContract.RelayDrivenByTheTest.class)
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class OutboxRelayTest extends OutboxRelayContract {

    /** Health and metrics live on the management port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    static final String PLAN = """
            {"routines":[{"routineId":"lower-back-stretches"}],"schedule":{"daysOfWeek":["MONDAY"]},
             "localTime":"20:30","timeZone":"Europe/Amsterdam","startDate":"2026-11-02"}""";

    @Inject
    OutboxRelay relay;

    @Inject
    KafkaRecordSender kafkaSender;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected String topic() {
        return KafkaRecordSender.TOPIC;
    }

    @Test
    void aPlanChangeCommittedButNotPublishedWhenTheProcessDiesGoesOutAfterTheRestart() throws Exception {
        String user = "crash-1";
        put(user);
        // committed, not yet published: the change lives only in PostgreSQL
        assertThat(Database.count("SELECT count(*) FROM outbox WHERE record_key = ?", user)).isEqualTo(1);
        assertThat(kafka.readAll("plans")).noneMatch(r -> user.equals(r.key()));
        // operators see the backlog and its age
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(given().get(metrics).then().extract().asString())
                        .containsPattern("limber_outbox_pending [1-9]")
                        .containsPattern("limber_outbox_oldest_age_seconds (0\\.0*[1-9]|[1-9])"));

        // the process dies while publishing: Kafka got the record, but the acknowledgement never came back
        RecordSender dyingAfterSend = record -> kafkaSender.send(record)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("process killed")));
        assertThat(relay.relayOnce(dyingAfterSend).await().atMost(Duration.ofSeconds(30)))
                .isEqualTo(new OutboxRelay.Result(0, 1));
        // the process dies before anything reaches Kafka
        RecordSender dyingBeforeSend = record -> Uni.createFrom().failure(new IllegalStateException("process killed"));
        relay.relayOnce(dyingBeforeSend).await().atMost(Duration.ofSeconds(30));
        assertThat(Database.count("SELECT count(*) FROM outbox WHERE record_key = ?", user)).isEqualTo(1);
        assertThat(given().get(metrics).then().extract().asString())
                .containsPattern("limber_outbox_publish_failures_total [2-9]");

        // after the restart the relay starts from the table alone
        assertThat(relay.relayOnce(kafkaSender).await().atMost(Duration.ofSeconds(30)).sent()).isGreaterThanOrEqualTo(1);

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords("plans", r -> user.equals(r.key()), 2,
                Duration.ofSeconds(30));
        // at least once: the record sent before the "crash" comes again with the same event id, which consumers skip
        assertThat(records).extracting(r -> mapper.readTree(r.value()).get("id").asText()).hasSize(2).containsOnly(
                mapper.readTree(records.get(0).value()).get("id").asText());
        assertThat(Database.count("SELECT count(*) FROM outbox WHERE record_key = ?", user)).isZero();
    }

    @Test
    void severalRelaysAtOnceNeverPublishARecordTwiceNorOutOfOrder() throws Exception {
        List<String> users = IntStream.range(0, 24).mapToObj(i -> "replica-" + i).toList();
        for (String user : users) {
            put(user);
            asClinician().post("/users/{u}/plan/pause", user).then().statusCode(200);
            asClinician().post("/users/{u}/plan/resume", user).then().statusCode(200);
        }
        // three "replicas" run concurrently until the outbox is empty
        while (Database.count("SELECT count(*) FROM outbox") > 0) {
            Uni.combine().all().unis(relay.relayOnce(kafkaSender), relay.relayOnce(kafkaSender), relay.relayOnce(kafkaSender))
                    .discardItems().await().atMost(Duration.ofSeconds(60));
        }

        List<ConsumerRecord<String, String>> all = kafka.readAll("plans");
        for (String user : users) {
            List<Integer> versions = all.stream().filter(r -> user.equals(r.key()))
                    .map(r -> read(r.value()).at("/data/version").asInt()).toList();
            assertThat(versions).as(user).containsExactly(1, 2, 3);
        }
    }

    private static void put(String user) {
        asClinician().contentType(ContentType.JSON).body(PLAN).put("/users/{u}/plan", user).then().statusCode(201);
    }

    private com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
