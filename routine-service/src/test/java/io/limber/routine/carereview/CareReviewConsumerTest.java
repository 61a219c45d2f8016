package io.limber.routine.carereview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
        initArgs = @ResourceArg(name = "database", value = "routine"))
class CareReviewConsumerTest {

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
    void aCareReviewOnKafkaIsStoredOnceAndShownForThatPerson() {
        String event = careReview("evt-1", "user-cr-1", "repeated-pain");
        kafka.send("care-reviews", "user-cr-1", event);
        kafka.send("care-reviews", "user-cr-1", event); // redelivery: same source and id
        kafka.send("care-reviews", "user-cr-1", careReview("evt-2", "user-cr-1", "sharp-pain"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/users/user-cr-1/care-reviews")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].eventId", equalTo("evt-1"))
                .body("[0].reason", equalTo("repeated-pain"))
                .body("[1].eventId", equalTo("evt-2")));
    }

    @Test
    void aMessageThatIsNotACareReviewGoesToTheDeadLetterTopicWithItsReason() {
        kafka.send("care-reviews", "user-cr-2", "{not json");

        ConsumerRecord<String, String> dead = kafka.awaitRecord("care-reviews.dlq",
                r -> "user-cr-2".equals(r.key()), Duration.ofSeconds(30));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("not valid JSON");
        given().when().get("/users/user-cr-2/care-reviews").then().statusCode(200).body("$", hasSize(0));
    }

    static String careReview(String id, String userId, String reason) {
        return """
                {"specversion":"1.0","id":"%s","source":"/reminder-service","type":"limber.care-review.requested",
                 "datacontenttype":"application/json",
                 "data":{"userId":"%s","reason":"%s","urgent":false,"requestedAt":"2026-11-20T08:00:00Z"}}
                """.formatted(id, userId, reason);
    }
}
