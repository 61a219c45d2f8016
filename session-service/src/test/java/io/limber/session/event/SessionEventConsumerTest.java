package io.limber.session.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class SessionEventConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void sessionEventsOnKafkaAreStoredOncePerCloudEventId() {
        String started = event("e-1", "limber.session.started", "user-se-1", "s-1", "2026-11-20T19:00:00Z");
        kafka.send("session-events", "user-se-1", started);
        kafka.send("session-events", "user-se-1", started); // a retry by the client: same source and id
        kafka.send("session-events", "user-se-1",
                event("e-2", "limber.session.completed", "user-se-1", "s-1", "2026-11-20T19:09:00Z"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/users/user-se-1/session-events")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].type", equalTo("limber.session.started"))
                .body("[0].sessionId", equalTo("s-1"))
                .body("[1].type", equalTo("limber.session.completed")));

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("limber_session_events_accepted_total{type=\"limber.session.started\"} 1.0"))
                .body(not(containsString("user-se-1")));
    }

    @Test
    void anEventOfUnknownTypeGoesToTheDeadLetterTopicWithItsReasonAndIsNotStored() {
        kafka.send("session-events", "user-se-2",
                event("e-3", "limber.session.teleported", "user-se-2", "s-2", "2026-11-20T19:00:00Z"));

        ConsumerRecord<String, String> dead = kafka.awaitRecord("session-events.dlq",
                r -> "user-se-2".equals(r.key()), Duration.ofSeconds(30));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("unknown type 'limber.session.teleported'");
        given().when().get("/users/user-se-2/session-events").then().statusCode(200).body("$", hasSize(0));
    }

    static String event(String id, String type, String userId, String sessionId, String time) {
        return """
                {"specversion":"1.0","id":"%s","source":"/clients/phone","type":"%s","time":"%s",
                 "datacontenttype":"application/json","data":{"userId":"%s","sessionId":"%s"}}
                """.formatted(id, type, time, userId, sessionId);
    }
}
