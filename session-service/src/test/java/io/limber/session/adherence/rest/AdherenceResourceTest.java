package io.limber.session.adherence.rest;

import static io.limber.session.TestEvents.*;
import static io.limber.local.testing.TestTokens.clinician;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class AdherenceResourceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafka
    KafkaTestClient kafka;

    @Test
    void sessionHistoryIsPagedNewestFirst() {
        String user = newUser();
        kafka.send("plans", user, plan(user, today().minusDays(5)));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then().statusCode(200));
        for (int daysAgo = 5; daysAgo >= 1; daysAgo--) {
            Instant start = today().minusDays(daysAgo).atTime(20, 0).atZone(ZONE).toInstant();
            kafka.send("session-events", user, completed(user, "s-" + daysAgo, start));
        }

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + user + "/sessions?page=0&size=2").then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("sessions", hasSize(2))
                .body("sessions[0].sessionId", equalTo("s-1"))
                .body("sessions[0].status", equalTo("completed")));
        given().auth().oauth2(clinician()).get("/users/" + user + "/sessions?page=2&size=2").then()
                .body("sessions", hasSize(1)).body("sessions[0].sessionId", equalTo("s-5"));
    }

    @Test
    void anUnknownPersonIsNotFound() {
        given().auth().oauth2(clinician()).get("/users/nobody/adherence").then().statusCode(404);
        given().auth().oauth2(clinician()).get("/users/nobody/sessions").then().statusCode(404);
    }

    @Test
    void theCohortCountsAdherentPeopleAndGivesPercentiles() {
        String adherent = newUser();
        String lapsed = newUser();
        kafka.send("plans", adherent, plan(adherent, today().minusDays(1)));
        kafka.send("plans", lapsed, plan(lapsed, today().minusDays(1)));
        Instant start = today().minusDays(1).atTime(20, 0).atZone(ZONE).toInstant();
        kafka.send("session-events", adherent, completed(adherent, "s-1", start));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + adherent + "/adherence").then()
                .statusCode(200).body("adherent", equalTo(true)));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/" + lapsed + "/adherence").then()
                .statusCode(200).body("adherent", equalTo(false)));

        given().auth().oauth2(clinician()).get("/cohort/adherence").then().statusCode(200)
                .body("adherent", greaterThanOrEqualTo(1))
                .body("notAdherent", greaterThanOrEqualTo(1))
                .body("median", notNullValue());
    }
}
