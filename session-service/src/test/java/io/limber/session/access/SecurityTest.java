package io.limber.session.access;

import static io.limber.session.TestEvents.completed;
import static io.limber.session.TestEvents.newUser;
import static io.limber.session.TestEvents.plan;
import static io.limber.session.TestEvents.started;
import static io.limber.session.TestEvents.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.limber.local.security.TokenIssuer;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.local.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint refuses a missing or invalid token (401) and a valid one without the role (403); a patient reaches
 * only their own data and reports only their own events; the allowed role gets its answer.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class SecurityTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    @InjectKafka
    KafkaTestClient kafka;
    String ann;
    String bob;

    /** An endpoint, called for a person with a request that already carries (or lacks) a token. */
    record Endpoint(String name, BiFunction<RequestSpecification, String, Response> call) {
        Response call(RequestSpecification request, String userId) {
            return call.apply(request, userId);
        }
    }

    final List<Endpoint> endpoints = List.of(
            new Endpoint("GET /users/{id}/adherence", (r, user) -> r.get("/users/{u}/adherence", user)),
            new Endpoint("GET /users/{id}/sessions", (r, user) -> r.get("/users/{u}/sessions", user)),
            new Endpoint("GET /cohort/adherence", (r, user) -> r.get("/cohort/adherence")),
            new Endpoint("POST /events", (r, user) -> r.contentType(STRUCTURED)
                    .body(started(user, "s-sec", Instant.now())).post("/events")));

    @BeforeEach
    void twoKnownPeople() {
        ann = newUser();
        bob = newUser();
        for (String user : List.of(ann, bob)) {
            kafka.send("plans", user, plan(user, today().minusDays(1)));
        }
        for (String user : List.of(ann, bob)) {
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.clinician())
                    .get("/users/{u}/adherence", user).then().statusCode(200));
        }
    }

    @Test
    void everyEndpointRefusesAMissingOrInvalidTokenWith401() {
        TokenIssuer issuer = TestTokens.issuer();
        List<String> roles = List.of(TokenIssuer.PATIENT, TokenIssuer.CLINICIAN, TokenIssuer.ADMIN);
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("forged", issuer.forged(ann, roles));
        invalid.put("expired", issuer.expired(ann, roles));
        invalid.put("unsigned", issuer.unsigned(ann, roles));
        invalid.put("wrong issuer", issuer.fromIssuer("https://attacker.example", ann, roles));
        invalid.put("garbage", "not.a.token");

        for (Endpoint endpoint : endpoints) {
            assertThat(endpoint.call(given(), ann).statusCode()).as("%s without a token", endpoint.name())
                    .isEqualTo(401);
            invalid.forEach((kind, token) -> assertThat(endpoint.call(given().auth().oauth2(token), ann).statusCode())
                    .as("%s with a %s token", endpoint.name(), kind).isEqualTo(401));
        }
        assertNothingPublishedFor(ann);
    }

    @Test
    void aPatientReadsTheirOwnAdherenceAndSessionsButNotAnotherPersons() {
        String annsToken = TestTokens.patient(ann);

        given().auth().oauth2(annsToken).get("/users/{u}/adherence", ann).then().statusCode(200)
                .body("userId", equalTo(ann));
        given().auth().oauth2(annsToken).get("/users/{u}/sessions", ann).then().statusCode(200)
                .body("total", equalTo(0));
        for (String path : List.of("/users/{u}/adherence", "/users/{u}/sessions")) {
            Response refused = given().auth().oauth2(annsToken).get(path, bob);
            assertThat(refused.statusCode()).as(path + " of another person").isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.asString()).contains("\"status\":403").doesNotContain(bob);
        }
    }

    @Test
    void aClinicianReadsAnyonesDataAndTheCohortButAPatientOrAdminSeesNoCohort() {
        String clinician = TestTokens.clinician();
        given().auth().oauth2(clinician).get("/users/{u}/adherence", bob).then().statusCode(200)
                .body("userId", equalTo(bob));
        given().auth().oauth2(clinician).get("/users/{u}/sessions", ann).then().statusCode(200);
        given().auth().oauth2(clinician).get("/cohort/adherence").then().statusCode(200);

        given().auth().oauth2(TestTokens.patient(ann)).get("/cohort/adherence").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/cohort/adherence").then().statusCode(403);
    }

    @Test
    void anAdminReadsNobodysPersonalData() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).get("/users/{u}/adherence", ann).then().statusCode(403);
        given().auth().oauth2(admin).get("/users/{u}/sessions", ann).then().statusCode(403);
    }

    @Test
    void onlyThePatientThemselfReportsEventsAndARefusedReportPublishesNothing() {
        Instant start = today().minusDays(1).atTime(20, 0).atZone(io.limber.session.TestEvents.ZONE).toInstant();
        String annsEvent = completed(ann, "s-1", start);
        String bobsEvent = completed(bob, "s-1", start);

        given().auth().oauth2(TestTokens.clinician()).contentType(STRUCTURED).body(bobsEvent).post("/events")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(STRUCTURED).body(bobsEvent).post("/events")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.patient(ann)).contentType(STRUCTURED).body(bobsEvent).post("/events")
                .then().statusCode(403).body("problems[0].field", equalTo("$.data.userId"));
        // one foreign event refuses the whole batch, Ann's own event included
        given().auth().oauth2(TestTokens.patient(ann)).contentType(BATCH).body("[" + annsEvent + "," + bobsEvent + "]")
                .post("/events").then().statusCode(403)
                .body("problems.size()", equalTo(1)).body("problems[0].index", equalTo(1));

        assertNothingPublishedFor(bob);
        assertThat(kafka.readAll("session-events")).noneMatch(r -> ann.equals(r.key()));
        given().auth().oauth2(TestTokens.clinician()).get("/users/{u}/sessions", bob).then().body("total", equalTo(0));

        given().auth().oauth2(TestTokens.patient(ann)).contentType(STRUCTURED).body(annsEvent).post("/events")
                .then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.patient(ann))
                .get("/users/{u}/sessions", ann).then().statusCode(200).body("total", equalTo(1)));
    }

    /** A marker sent after the refusals: once it is on the topic, anything refused before would be too. */
    private void assertNothingPublishedFor(String user) {
        String marker = newUser();
        given().auth().oauth2(TestTokens.patient(marker)).contentType(STRUCTURED)
                .body(started(marker, "marker", Instant.now())).post("/events").then().statusCode(202);
        kafka.awaitRecord("session-events", r -> marker.equals(r.key()), WAIT);
        assertThat(kafka.readAll("session-events")).noneMatch(r -> user.equals(r.key()));
    }
}
