package io.limber.session.plan;

import static io.limber.session.TestEvents.*;
import static io.limber.local.testing.TestTokens.clinician;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class PlanConsumerTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafka
    KafkaTestClient kafka;

    @Test
    void aPublishedPlanMakesThePersonKnownWithTheirMissedDaysCounted() {
        String user = newUser();

        // as routine-service sends it: structured mode, with its content-type header
        RecordHeader structured = new RecordHeader("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        kafka.send("plans", user, plan(user, today().minusDays(3)), structured);
        kafka.send("plans", user, plan(user, today().minusDays(3)), structured); // redelivered

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then()
                .statusCode(200)
                .body("planVersion", equalTo(1))
                .body("routines[0].routineId", equalTo("lower-back-stretches"))
                .body("routines[0].closed28", equalTo(3))
                .body("sessionAdherence28", equalTo(0.0f))
                .body("adherent", equalTo(false)));
    }

    @Test
    void aPlanTombstoneErasesThePersonAndPublishesATombstoneOnAdherence() {
        String user = newUser();
        kafka.send("plans", user, plan(user, today().minusDays(1)));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then().statusCode(200));
        Instant start = today().minusDays(1).atTime(20, 0).atZone(ZONE).toInstant();
        kafka.send("session-events", user, completed(user, "s-1", start));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/sessions").then()
                .body("total", equalTo(1)));

        kafka.send("plans", user, null);

        await().atMost(WAIT).untilAsserted(() -> {
            given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then().statusCode(404);
            given().auth().oauth2(clinician()).get("/users/" + user + "/sessions").then().statusCode(404);
        });
        ConsumerRecord<String, String> tombstone = kafka.awaitRecord("adherence",
                r -> user.equals(r.key()) && r.value() == null, WAIT);
        assertThat(tombstone.key()).isEqualTo(user);
    }

    @Test
    void aPlanWithoutATimeZoneIsDeadLettered() {
        String user = newUser();
        ObjectNode plan = json(plan(user, today()));
        ((ObjectNode) plan.get("data")).remove("timeZone");

        kafka.send("plans", user, plan.toString());

        ConsumerRecord<String, String> dead = kafka.awaitRecord("plans.dlq", r -> user.equals(r.key()), WAIT);
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("timeZone");
    }
}
