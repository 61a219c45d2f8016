package io.limber.session.event;

import static io.limber.session.TestEvents.*;
import static io.limber.local.testing.TestTokens.clinician;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.CloudEventForms;
import io.limber.local.testing.KafkaTestClient;
import io.limber.session.contract.EventSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class SessionEventConsumerTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** Metrics are on the management port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @InjectKafka
    KafkaTestClient kafka;

    /** Sends the person's plan and waits until session-service knows them. */
    static void knownPerson(KafkaTestClient kafka, String user, int daysAgo) {
        kafka.send("plans", user, plan(user, today().minusDays(daysAgo)));
        await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then().statusCode(200));
    }

    static Instant yesterdayEvening() {
        return today().minusDays(1).atTime(20, 0).atZone(ZONE).toInstant();
    }

    @Test
    void aCompletedSessionUpdatesAdherenceAndPublishesAValidSnapshotKeyedByUser() {
        String user = newUser();
        knownPerson(kafka, user, 2);
        Instant start = yesterdayEvening();

        kafka.send("session-events", user, started(user, "s-1", start), new RecordHeader("content-type",
                "application/cloudevents+json".getBytes(StandardCharsets.UTF_8)));
        kafka.send("session-events", user, completed(user, "s-1", start));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then()
                .statusCode(200)
                .body("routines[0].completed28", equalTo(1))
                .body("routines[0].closed28", equalTo(2)) // two days ago missed, yesterday done
                .body("sessionAdherence28", equalTo(0.5f))
                .body("timeZone", equalTo("Europe/Amsterdam")));
        ConsumerRecord<String, String> snapshot = kafka.awaitRecord("adherence",
                r -> user.equals(r.key()) && r.value() != null && r.value().contains("\"completed28\":1"), WAIT);
        assertThat(new EventSchemas().violations(json(snapshot.value()))).as(snapshot.value()).isEmpty();
        assertThat(json(snapshot.value()).get("type").asText()).isEqualTo("limber.adherence.updated");
    }

    @Test
    void aRedeliveredEventIsCountedOnceAndTheDuplicateIsMetered() {
        String user = newUser();
        knownPerson(kafka, user, 1);
        Instant start = yesterdayEvening();
        String completed = completed(user, "s-1", start);

        kafka.send("session-events", user, completed);
        kafka.send("session-events", user, completed);
        kafka.send("session-events", user, completed(user, "s-2", start.plusSeconds(3600)));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/sessions").then()
                .statusCode(200).body("total", equalTo(2)));
        given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then().body("routines[0].completed28", equalTo(1));
        given().get(metrics).then().statusCode(200)
                .body(containsString("limber_session_events_consumed_total{outcome=\"duplicate\",type=\"limber.session.completed\"}"))
                .body(not(containsString(user)));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicWithTheirReasonAndTheConsumerCarriesOn() {
        String user = newUser();
        knownPerson(kafka, user, 1);
        ObjectNode painEleven = json(painStopped(user, "s-9", yesterdayEvening(), 5, false));
        ((ObjectNode) painEleven.get("data")).put("pain", 11);
        ObjectNode teleported = json(started(user, "s-8", yesterdayEvening()));
        teleported.put("type", "limber.session.teleported");
        String stranger = "stranger-" + UUID.randomUUID();

        kafka.send("session-events", user, "privatenote {not json");
        kafka.send("session-events", user, teleported.toString());
        kafka.send("session-events", user, painEleven.toString());
        kafka.send("session-events", stranger, started(stranger, "s-7", yesterdayEvening()));
        kafka.send("session-events", user, completed(user, "s-1", yesterdayEvening()));

        List<ConsumerRecord<String, String>> dead = kafka.awaitRecords("session-events.dlq",
                r -> user.equals(r.key()) || stranger.equals(r.key()), 4, WAIT);
        List<String> reasons = new ArrayList<>();
        dead.forEach(r -> reasons.add(new String(r.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8)));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("not valid JSON"))
                .anySatisfy(r -> assertThat(r).contains("unknown type 'limber.session.teleported'"))
                .anySatisfy(r -> assertThat(r).contains("$.data.pain"))
                .anySatisfy(r -> assertThat(r).contains("unknown user"))
                .noneSatisfy(r -> assertThat(r).contains(stranger))
                // the reason (also the WARN line) says where the text broke, never what it says
                .noneSatisfy(r -> assertThat(r).contains("privatenote"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then()
                .body("routines[0].completed28", equalTo(1)));
        given().get(metrics).then()
                .body(containsString("limber_session_events_consumed_total{outcome=\"dead-lettered\""));
    }

    @ParameterizedTest
    @EnumSource(CloudEventForms.Form.class)
    void aSessionAndARedFlagPainStopCountTheSameInEveryFormTheContractAllows(CloudEventForms.Form form) {
        String user = newUser();
        knownPerson(kafka, user, 1);
        Instant yesterday = yesterdayEvening();
        ObjectNode redFlag = json(painStopped(user, "s-rf", yesterday.plusSeconds(7200), 4, false));
        ((ObjectNode) redFlag.get("data")).putArray("redFlags").add("saddle-numbness");

        kafka.send(CloudEventForms.record("session-events", user, completed(user, "s-form", yesterday), form));
        kafka.send(CloudEventForms.record("session-events", user, redFlag.toString(), form));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/sessions")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("sessions.sessionId", org.hamcrest.Matchers.hasItems("s-form", "s-rf")));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence")
                .then().statusCode(200)
                .body("routines[0].completed28", equalTo(1))
                .body("pain.painStops28", equalTo(1))
                .body("pain.anyRedFlag28", equalTo(true)));
    }

    @ParameterizedTest
    @EnumSource(CloudEventForms.Form.class)
    void anEventDatedBeyondTheClockSkewAllowanceIsDeadLetteredNamingTimeAndNothingIsStored(CloudEventForms.Form form) {
        String user = newUser();
        knownPerson(kafka, user, 1);
        ObjectNode future = json(started(user, "s-future", yesterdayEvening()));
        future.put("time", "9999-12-31T23:59:59Z");

        kafka.send(CloudEventForms.record("session-events", user, future.toString(), form));

        ConsumerRecord<String, String> dead = kafka.awaitRecord("session-events.dlq", r -> user.equals(r.key()), WAIT);
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .startsWith("$.time").doesNotContain(user);
        given().auth().oauth2(clinician()).get("/users/" + user + "/sessions").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then().statusCode(200)
                .body("lastSessionEventAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aSessionStartedAndLeftIsSeenAbandonedByTheSchedulerWithoutAnotherEvent() {
        String user = newUser();
        knownPerson(kafka, user, 0);
        Instant start = Instant.now().minus(Duration.ofHours(2)).plusSeconds(4);

        kafka.send("session-events", user, started(user, "s-left", start));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/sessions").then()
                .body("sessions[0].status", equalTo("abandoned")));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then()
                .body("routines[0].abandoned28", equalTo(1)));
    }

    @Test
    void aPlanVersionArrivingBetweenTwoEventsIsPartOfTheSecondEventsRecomputation() {
        String user = newUser();
        knownPerson(kafka, user, 2);
        Instant start = yesterdayEvening();
        kafka.send("session-events", user, completed(user, "s-1", start));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then()
                .body("routines[0].completed28", equalTo(1))
                .body("planVersion", equalTo(1)));

        ObjectNode second = json(plan(user, today().minusDays(2)));
        second.put("id", "plan-" + user + "-v2");
        ((ObjectNode) second.get("data")).put("version", 2).put("publishedAt", Instant.now().toString());
        kafka.send("plans", user, second.toString());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then()
                .body("planVersion", equalTo(2)));

        // the first event's recomputation read the history before version 2 existed: this one must not reuse it
        kafka.send("session-events", user, completed(user, "s-2", start.minus(Duration.ofDays(1))));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then()
                .body("routines[0].completed28", equalTo(2))
                .body("planVersion", equalTo(2)));
    }
}
