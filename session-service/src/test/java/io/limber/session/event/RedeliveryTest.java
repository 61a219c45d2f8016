package io.limber.session.event;

import static io.limber.session.TestEvents.*;
import static io.limber.local.testing.TestTokens.clinician;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Redelivery in the middle of a stream, as after a crash between the database commit and the offset commit (here at
 * its worst: every partition rewound to the beginning), must not count anything twice.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class RedeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    KafkaClientService kafkaClients;

    @InjectKafka
    KafkaTestClient kafka;

    @Test
    void rewindingTheConsumerInTheMiddleOfAStreamCountsNothingTwice() {
        String user = newUser();
        SessionEventConsumerTest.knownPerson(kafka, user, 60);
        List<String> stream = new ArrayList<>();
        for (int daysAgo = 50; daysAgo >= 1; daysAgo--) {
            Instant start = today().minusDays(daysAgo).atTime(20, 0).atZone(ZONE).toInstant();
            stream.add(started(user, "s-" + daysAgo, start));
            stream.add(completed(user, "s-" + daysAgo, start));
        }

        stream.subList(0, 50).forEach(e -> kafka.send("session-events", user, e));
        kafkaClients.<String, String>getConsumers("session-events").forEach(consumer -> consumer
                .runOnPollingThread(c -> {
                    c.seekToBeginning(c.assignment());
                    return null;
                }).await().atMost(Duration.ofSeconds(30)));
        stream.subList(50, 100).forEach(e -> kafka.send("session-events", user, e));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/sessions").then()
                .body("total", equalTo(50)));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then()
                .body("routines[0].completed28", equalTo(27))
                .body("routines[0].closed28", equalTo(27))
                .body("routines[0].streak", equalTo(50))
                .body("sessionAdherence7", equalTo(1.0f)));
    }

    @Test
    void eventsPerSecondInASimpleRun() {
        int people = 20;
        int sessionsEach = 20;
        List<String> users = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String user = newUser();
            users.add(user);
            kafka.send("plans", user, plan(user, today().minusDays(30)));
        }
        await().atMost(WAIT).untilAsserted(() -> users.forEach(u ->
                given().auth().oauth2(clinician()).get("/users/" + u + "/adherence").then().statusCode(200)));

        Instant begin = Instant.now();
        for (int day = sessionsEach; day >= 1; day--) {
            for (String user : users) {
                Instant start = today().minusDays(day).atTime(19, 0).atZone(ZONE).toInstant();
                kafka.send("session-events", user, started(user, "s-" + day, start));
                kafka.send("session-events", user, completed(user, "s-" + day, start));
            }
        }
        double sending = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> users.forEach(u ->
                given().auth().oauth2(clinician()).get("/users/" + u + "/adherence").then().body("routines[0].completed28", equalTo(sessionsEach))));
        double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        int events = people * sessionsEach * 2;
        Log.infof("THROUGHPUT: %d session events for %d people stored and reflected in adherence in %.1f s "
                + "(%.1f s of it sending them one by one, each waiting for the broker): %.0f events/s",
                events, people, seconds, sending, events / seconds);
        assertThat(seconds).isPositive();
    }
}
