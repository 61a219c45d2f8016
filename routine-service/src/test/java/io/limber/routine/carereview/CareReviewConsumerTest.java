package io.limber.routine.carereview;

import static io.limber.routine.testing.Callers.asClinician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.CloudEventForms;
import io.limber.local.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class CareReviewConsumerTest {

    @InjectKafka
    KafkaTestClient kafka;
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aCareReviewOnKafkaIsStoredOnceAndShownForThatPerson() {
        String event = careReview("evt-1", "user-cr-1", "repeated-pain");
        kafka.send("care-reviews", "user-cr-1", event);
        kafka.send("care-reviews", "user-cr-1", event); // redelivery: same source and id
        kafka.send("care-reviews", "user-cr-1", careReview("evt-2", "user-cr-1", "sharp-pain"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClinician()
                .when().get("/users/user-cr-1/care-reviews")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].eventId", equalTo("evt-1"))
                .body("[0].reason", equalTo("repeated-pain"))
                .body("[1].eventId", equalTo("evt-2")));
    }

    @Test
    void aMessageThatIsNotACareReviewGoesToTheDeadLetterTopicWithItsReason() {
        kafka.send("care-reviews", "user-cr-2", "privatenote {not json");

        ConsumerRecord<String, String> dead = kafka.awaitRecord("care-reviews.dlq",
                r -> "user-cr-2".equals(r.key()), Duration.ofSeconds(30));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("not valid JSON at line 1").doesNotContain("privatenote");
        asClinician().when().get("/users/user-cr-2/care-reviews").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anUrgentReviewPausesThePlanOnceHoweverOftenItIsDeliveredAndClosingItCanResumeThePlan() throws Exception {
        // reminder-service's own example: a red flag, urgent
        String example = Files.readString(Path.of("../reminder-service/src/main/resources/events/examples/care-review-requested.json"));
        String user = mapper.readTree(example).at("/data/userId").asText();
        asClinician().contentType(ContentType.JSON).body("""
                {"routines":[{"routineId":"lower-back-stretches"}],"schedule":{"timesPerWeek":5},"localTime":"20:30",
                 "timeZone":"Europe/Amsterdam","startDate":"2026-11-02"}""").put("/users/{u}/plan", user)
                .then().statusCode(201);

        // delivered three times, once in each form the contract allows: the form changes nothing, nor does redelivery
        for (CloudEventForms.Form form : CloudEventForms.Form.values()) {
            kafka.send(CloudEventForms.record("care-reviews", user, example, form));
        }
        // a later, non-urgent review on the same key: once it is stored, every delivery before it was handled
        kafka.send("care-reviews", user, careReview("later-non-urgent", user, "repeated-pain"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClinician().get("/users/{u}/care-reviews", user)
                .then().statusCode(200).body("$", hasSize(2)));

        asClinician().get("/users/{u}/plan/history", user).then().statusCode(200)
                .body("version", contains(1, 2))
                .body("change", contains("created", "review-requested"))
                .body("[1].status", equalTo("paused"))
                .body("[1].reviewRequested", equalTo(true));
        List<ConsumerRecord<String, String>> published = kafka.awaitRecords("plans", r -> user.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(mapper.readTree(published.get(1).value()).at("/data/status").asText()).isEqualTo("paused");

        // professionals see the open reviews, urgent first
        asClinician().get("/care-reviews/open").then().statusCode(200)
                .body("findAll { it.userId == '%s' }.urgent".formatted(user), contains(true, false));
        // urgent first: closing the other one first could not resume the plan
        List<Integer> ids = asClinician().get("/care-reviews/open").then().extract()
                .path("findAll { it.userId == '%s' }.reviewId".formatted(user));
        asClinician().contentType(ContentType.JSON).body("{\"resumePlan\":true}").post("/care-reviews/{id}/close", ids.get(1))
                .then().statusCode(409).body("violations[0].field", equalTo("resumePlan"));

        asClinician().contentType(ContentType.JSON).body("{\"resolution\":\"seen in clinic\",\"resumePlan\":true}")
                .post("/care-reviews/{id}/close", ids.get(0)).then().statusCode(200)
                .body("status", equalTo("closed")).body("resolution", equalTo("seen in clinic"));
        asClinician().get("/users/{u}/plan", user).then().body("version", equalTo(3)).body("status", equalTo("active"))
                .body("reviewRequested", equalTo(true));
        asClinician().contentType(ContentType.JSON).body("{}").post("/care-reviews/{id}/close", ids.get(0))
                .then().statusCode(409);

        asClinician().contentType(ContentType.JSON).body("{}").post("/care-reviews/{id}/close", ids.get(1))
                .then().statusCode(200);
        asClinician().get("/users/{u}/plan", user).then().body("version", equalTo(4)).body("reviewRequested", equalTo(false))
                .body("change", equalTo("review-closed"));
        asClinician().get("/care-reviews/open").then().body("userId", not(hasItem(user)));
    }

    @Test
    void closingAnUnknownReviewIsNotFound() {
        asClinician().contentType(ContentType.JSON).body("{}").post("/care-reviews/999999/close").then().statusCode(404)
                .body("violations[0].field", equalTo("reviewId"));
    }

    static String careReview(String id, String userId, String reason) {
        return """
                {"specversion":"1.0","id":"%s","source":"/reminder-service","type":"limber.care-review.requested",
                 "datacontenttype":"application/json",
                 "data":{"userId":"%s","reason":"%s","urgent":false,"requestedAt":"2026-11-20T08:00:00Z"}}
                """.formatted(id, userId, reason);
    }
}
