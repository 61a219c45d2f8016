package io.limber.session.ingress;

import static io.limber.session.TestEvents.*;
import static io.limber.local.testing.TestTokens.patient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.CloudEventForms;
import io.limber.local.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class EventIngressResourceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/events")
    URL events;

    @InjectKafka
    KafkaTestClient kafka;

    @Test
    void oneStructuredEventIsAcceptedOnceTheBrokerHasItKeyedByUser() {
        String user = newUser();
        String event = started(user, "s-1", Instant.now());
        String id = json(event).get("id").asText();

        given().auth().oauth2(patient(user)).contentType("application/cloudevents+json").body(event)
                .post("/events").then().statusCode(202).body("accepted", equalTo(1)).body("ids", hasItem(id));

        ConsumerRecord<String, String> written = kafka.awaitRecord("session-events",
                r -> r.value() != null && r.value().contains(id), WAIT);
        assertThat(written.key()).isEqualTo(user);
    }

    @Test
    void aBatchIsWrittenWhole() {
        String user = newUser();
        Instant start = Instant.now();
        String batch = "[" + started(user, "s-1", start) + "," + completed(user, "s-1", start) + "]";

        given().auth().oauth2(patient(user)).contentType("application/cloudevents-batch+json").body(batch)
                .post("/events").then().statusCode(202).body("accepted", equalTo(2));

        assertThat(kafka.awaitRecords("session-events", r -> user.equals(r.key()), 2, WAIT)).hasSize(2);
    }

    @Test
    void aBinaryModeEventIsWrittenInStructuredForm() {
        String user = newUser();
        ObjectNode event = json(painStopped(user, "s-1", Instant.now(), 3, false));
        RequestSpecification request = given().auth().oauth2(patient(user)).contentType("application/json");
        event.fieldNames().forEachRemaining(f -> {
            if (!f.equals("data") && !f.equals("datacontenttype")) {
                request.header("ce-" + f, event.get(f).asText());
            }
        });

        request.body(event.get("data").toString()).post("/events").then().statusCode(202);

        ConsumerRecord<String, String> written = kafka.awaitRecord("session-events", r -> user.equals(r.key()), WAIT);
        assertThat(json(written.value()).get("type").asText()).isEqualTo("limber.session.pain-stopped");
        assertThat(json(written.value()).get("data").get("pain").asInt()).isEqualTo(3);
    }

    @Test
    void aBinaryModeEventAsTheCloudEventsSdkWritesItIsWrittenLikeItsStructuredForm() {
        String user = newUser();
        ObjectNode event = json(painStopped(user, "s-sdk", Instant.now(), 8, true));
        CloudEventForms.HttpBinary binary = CloudEventForms.httpBinary(event.toString());
        RequestSpecification request = given().auth().oauth2(patient(user));
        binary.headers().forEach(request::header);

        request.body(binary.body()).post("/events").then().statusCode(202);

        ConsumerRecord<String, String> written = kafka.awaitRecord("session-events", r -> user.equals(r.key()), WAIT);
        ObjectNode structured = json(written.value());
        for (String attribute : List.of("specversion", "id", "source", "type", "time", "dataschema", "data")) {
            assertThat(structured.get(attribute)).as(attribute).isEqualTo(event.get(attribute));
        }
    }

    @Test
    void anEventDatedOutsideTheTimeBoundsIsRefusedNamingTimeAndNothingIsWritten() {
        String user = newUser();
        ObjectNode future = json(started(user, "s-future", Instant.now()));
        future.put("time", "9999-12-31T23:59:59Z");
        ObjectNode ancient = json(started(user, "s-old", Instant.now()));
        ancient.put("time", Instant.now().minus(java.time.Duration.ofDays(366)).toString());

        for (ObjectNode refused : List.of(future, ancient)) {
            given().auth().oauth2(patient(user)).contentType("application/cloudevents+json").body(refused.toString())
                    .post("/events").then().statusCode(400)
                    .body("problems[0].field", equalTo("$.time"))
                    .body("problems[0].reason", org.hamcrest.Matchers.containsString("receiver's clock"));
        }

        String marker = newUser();
        given().auth().oauth2(patient(marker)).contentType("application/cloudevents+json")
                .body(started(marker, "m", Instant.now())).post("/events").then().statusCode(202);
        kafka.awaitRecord("session-events", r -> marker.equals(r.key()), WAIT);
        assertThat(kafka.readAll("session-events")).noneMatch(r -> user.equals(r.key()));
    }

    @Test
    void aBatchWithOneInvalidEventIsRefusedNamingItsFieldAndNothingIsWritten() {
        String user = newUser();
        ObjectNode bad = json(painStopped(user, "s-2", Instant.now(), 3, false));
        ((ObjectNode) bad.get("data")).put("pain", 12);
        String batch = "[" + started(user, "s-1", Instant.now()) + "," + bad + "]";

        given().auth().oauth2(patient(user)).contentType("application/cloudevents-batch+json").body(batch)
                .post("/events").then().statusCode(400)
                .body("problems[0].index", equalTo(1))
                .body("problems[0].field", equalTo("$.data.pain"))
                .body("problems[0].reason", org.hamcrest.Matchers.containsString("10"));

        // a marker written after the refusal: once it is on the topic, anything written before would be too
        String marker = newUser();
        given().auth().oauth2(patient(marker)).contentType("application/cloudevents+json").body(started(marker, "m", Instant.now()))
                .post("/events").then().statusCode(202);
        kafka.awaitRecord("session-events", r -> marker.equals(r.key()), WAIT);
        assertThat(kafka.readAll("session-events")).noneMatch(r -> user.equals(r.key()));
    }

    @Test
    void bodyThatIsNotJsonIsRefused() {
        given().auth().oauth2(patient(newUser())).contentType("application/cloudevents+json").body("{nope")
                .post("/events").then().statusCode(400).body("problems[0].field", equalTo("$"));
    }

    /**
     * Sent as a well-behaved client sends a big body: announced with {@code Expect: 100-continue}, so the 413 comes
     * before the body. Sent blindly, the service's early 413 and closed connection can break the client's write
     * (a "Broken pipe" on the test's side, not the service's).
     */
    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        String user = newUser();
        String huge = "[" + "{\"x\":\"" + "a".repeat(600 * 1024) + "\"}]";

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events.toURI())
                .version(HttpClient.Version.HTTP_1_1)
                .expectContinue(true)
                .header("Authorization", "Bearer " + patient(user))
                .header("Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString(huge))
                .timeout(WAIT)
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }
}
