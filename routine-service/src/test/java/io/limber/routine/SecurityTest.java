package io.limber.routine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.limber.local.security.TokenIssuer;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.local.testing.TestTokens;
import io.limber.routine.testing.Database;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint behind its door: no token or a bad one is 401, a valid token of the wrong role (or a patient
 * asking about someone else) is 403 and changes nothing, and each allowed role gets through.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class SecurityTest {

    @InjectKafka
    KafkaTestClient kafka;

    static final String PATIENT = TokenIssuer.PATIENT;
    static final String CLINICIAN = TokenIssuer.CLINICIAN;
    static final String ADMIN = TokenIssuer.ADMIN;

    static final String PLAN = """
            {"routines":[{"routineId":"lower-back-stretches"}],"schedule":{"timesPerWeek":3},"localTime":"20:30",
             "timeZone":"Europe/Amsterdam","startDate":"2026-11-02"}""";
    static final String ROUTINE = """
            {"routineId":"door-test","title":"Door test","core":false,"caution":"Stop if the pain is sharp.",
             "exercises":[{"exerciseId":"wall-sit","name":"Wall sit","holds":[{"position":"set-1","seconds":30}]}]}""";

    /** One endpoint: its method and path (with a person's id where it has one), a body, and who may call it. */
    record Endpoint(String method, String path, String body, Set<String> roles, boolean personal, boolean write) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints(String person) {
        return List.of(
                new Endpoint("GET", "/routines", null, Set.of(PATIENT, CLINICIAN, ADMIN), false, false),
                new Endpoint("GET", "/routines/lower-back-stretches", null, Set.of(PATIENT, CLINICIAN, ADMIN), false, false),
                new Endpoint("GET", "/routines/lower-back-stretches/versions", null, Set.of(PATIENT, CLINICIAN, ADMIN), false, false),
                new Endpoint("GET", "/routines/lower-back-stretches/versions/1", null, Set.of(PATIENT, CLINICIAN, ADMIN), false, false),
                new Endpoint("POST", "/routines", ROUTINE, Set.of(ADMIN), false, true),
                new Endpoint("PUT", "/users/" + person + "/plan", PLAN, Set.of(CLINICIAN), true, true),
                new Endpoint("GET", "/users/" + person + "/plan", null, Set.of(PATIENT, CLINICIAN), true, false),
                new Endpoint("GET", "/users/" + person + "/plan/history", null, Set.of(PATIENT, CLINICIAN), true, false),
                new Endpoint("POST", "/users/" + person + "/plan/pause", null, Set.of(CLINICIAN), true, true),
                new Endpoint("POST", "/users/" + person + "/plan/resume", null, Set.of(CLINICIAN), true, true),
                new Endpoint("POST", "/users/" + person + "/plan/end", null, Set.of(CLINICIAN), true, true),
                new Endpoint("GET", "/users/" + person + "/care-reviews", null, Set.of(CLINICIAN), true, false),
                new Endpoint("GET", "/care-reviews/open", null, Set.of(CLINICIAN), false, false),
                new Endpoint("POST", "/care-reviews/1/close", "{\"resumePlan\":true}", Set.of(CLINICIAN), false, true),
                new Endpoint("DELETE", "/users/" + person, null, Set.of(PATIENT, ADMIN), true, true));
    }

    @Test
    void noTokenOrABadTokenIs401OnEveryEndpoint() {
        String person = "door-" + UUID.randomUUID();
        TokenIssuer issuer = TestTokens.issuer();
        TokenIssuer otherKey = new TokenIssuer(io.limber.local.security.DevKeyPair.generate().privateKey(),
                TestTokens.ISSUER);
        for (Endpoint endpoint : endpoints(person)) {
            List<String> roles = List.copyOf(endpoint.roles());
            Map<String, String> badTokens = Map.of(
                    "expired", issuer.expired(person, roles),
                    "unsigned (alg none)", issuer.unsigned(person, roles),
                    "wrong issuer", issuer.fromIssuer("https://attacker.example/", person, roles),
                    "forged", issuer.forged(person, roles),
                    "signed by another key", otherKey.token(person, roles),
                    "garbage", "not.a.jwt");
            assertThat(call(given(), endpoint).statusCode()).as("%s without a token", endpoint).isEqualTo(401);
            badTokens.forEach((what, token) -> assertThat(call(given().auth().oauth2(token), endpoint).statusCode())
                    .as("%s with a %s token", endpoint, what).isEqualTo(401));
        }
        assertNothingStoredOrPublishedFor(person);
    }

    @Test
    void aValidTokenWithoutTheRoleIs403AndChangesNothing() {
        String person = "victim-" + UUID.randomUUID();
        long routinesBefore = Database.count("SELECT count(*) FROM routine_version");
        long reviewsBefore = Database.count("SELECT count(*) FROM care_review WHERE status <> 'open'");
        TokenIssuer issuer = TestTokens.issuer();
        List<String> refusals = new ArrayList<>();
        for (Endpoint endpoint : endpoints(person)) {
            for (String role : List.of(PATIENT, CLINICIAN, ADMIN)) {
                if (endpoint.roles().contains(role)) {
                    continue;
                }
                // a patient is refused these even for their own id
                String token = role.equals(PATIENT) ? TestTokens.patient(person) : issuer.token(role + "-1", List.of(role));
                Response response = call(given().auth().oauth2(token), endpoint);
                assertThat(response.statusCode()).as("%s as %s", endpoint, role).isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.asString()).doesNotContain(person);
                refusals.add(endpoint + " as " + role);
            }
            assertThat(call(given().auth().oauth2(issuer.token("nobody", List.of())), endpoint).statusCode())
                    .as("%s with no role at all", endpoint).isEqualTo(403);
            assertThat(call(given().auth().oauth2(issuer.token("nurse-1", List.of("nurse"))), endpoint).statusCode())
                    .as("%s with an unknown role", endpoint).isEqualTo(403);
        }
        assertThat(refusals).hasSizeGreaterThan(15);
        assertNothingStoredOrPublishedFor(person);
        assertThat(Database.count("SELECT count(*) FROM routine_version")).isEqualTo(routinesBefore);
        assertThat(Database.count("SELECT count(*) FROM care_review WHERE status <> 'open'")).isEqualTo(reviewsBefore);
    }

    @Test
    void aPatientAskingAboutSomeoneElseIs403EvenWhereTheirRoleIsAllowed() {
        String person = "other-" + UUID.randomUUID();
        asClinician().contentType(ContentType.JSON).body(PLAN).put("/users/{u}/plan", person).then().statusCode(201);
        long historyBefore = Database.count("SELECT count(*) FROM plan_history WHERE user_id = ?", person);
        String intruder = TestTokens.patient("intruder-" + UUID.randomUUID());
        for (Endpoint endpoint : endpoints(person)) {
            if (endpoint.personal() && endpoint.roles().contains(PATIENT)) {
                Response response = call(given().auth().oauth2(intruder), endpoint);
                assertThat(response.statusCode()).as("%s as another patient", endpoint).isEqualTo(403);
                assertThat(response.asString()).doesNotContain(person).doesNotContain("lower-back-stretches");
            }
        }
        // the DELETE was refused: the person and their plan are still there
        asClinician().get("/users/{u}/plan", person).then().statusCode(200).body("version", equalTo(1));
        assertThat(Database.count("SELECT count(*) FROM plan_history WHERE user_id = ?", person)).isEqualTo(historyBefore);
    }

    @Test
    void eachRoleDoesWhatItMay() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        String patient = TestTokens.patient(alice);

        // catalogue: read by all, written by admins
        for (String token : List.of(patient, TestTokens.clinician(), TestTokens.admin())) {
            given().auth().oauth2(token).get("/routines").then().statusCode(200).body("routineId", hasItem("core-strength"));
            given().auth().oauth2(token).get("/routines/core-strength").then().statusCode(200);
            given().auth().oauth2(token).get("/routines/core-strength/versions").then().statusCode(200);
            given().auth().oauth2(token).get("/routines/core-strength/versions/1").then().statusCode(200);
        }
        asAdmin().contentType(ContentType.JSON).body(ROUTINE).post("/routines").then().statusCode(201);

        // plans: written by clinicians, read by the person and clinicians
        asClinician().contentType(ContentType.JSON).body(PLAN).put("/users/{u}/plan", alice).then().statusCode(201);
        asClinician().contentType(ContentType.JSON).body(PLAN).put("/users/{u}/plan", alice).then().statusCode(200);
        given().auth().oauth2(patient).get("/users/{u}/plan", alice).then().statusCode(200).body("userId", equalTo(alice));
        given().auth().oauth2(patient).get("/users/{u}/plan/history", alice).then().statusCode(200);
        asClinician().get("/users/{u}/plan", alice).then().statusCode(200);
        asClinician().get("/users/{u}/plan/history", alice).then().statusCode(200);
        asClinician().post("/users/{u}/plan/pause", alice).then().statusCode(200).body("status", equalTo("paused"));
        asClinician().post("/users/{u}/plan/resume", alice).then().statusCode(200).body("status", equalTo("active"));

        // care reviews: clinicians only
        kafka.send("care-reviews", alice, """
                {"specversion":"1.0","id":"%s","source":"/reminder-service","type":"limber.care-review.requested",
                 "datacontenttype":"application/json",
                 "data":{"userId":"%s","reason":"repeated-pain-stop","urgent":false,"requestedAt":"2026-11-20T08:00:00Z"}}
                """.formatted(UUID.randomUUID(), alice));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asClinician().get("/care-reviews/open").then().statusCode(200).body("userId", hasItem(alice)));
        asClinician().get("/users/{u}/care-reviews", alice).then().statusCode(200).body("[0].status", equalTo("open"));
        Integer reviewId = asClinician().get("/users/{u}/care-reviews", alice).then().extract().path("[0].reviewId");
        asClinician().contentType(ContentType.JSON).body("{\"resolution\":\"seen\"}")
                .post("/care-reviews/{id}/close", reviewId).then().statusCode(200).body("status", equalTo("closed"));
        asClinician().post("/users/{u}/plan/end", alice).then().statusCode(200).body("status", equalTo("ended"));

        // erasure: the person themself, or an admin for anyone
        given().auth().oauth2(patient).delete("/users/{u}", alice).then().statusCode(204);
        asClinician().get("/users/{u}/plan", alice).then().statusCode(404);
        asClinician().contentType(ContentType.JSON).body(PLAN).put("/users/{u}/plan", bob).then().statusCode(201);
        asAdmin().delete("/users/{u}", bob).then().statusCode(204);
        asClinician().get("/users/{u}/plan", bob).then().statusCode(404);
    }

    private void assertNothingStoredOrPublishedFor(String person) {
        assertThat(Database.count("SELECT count(*) FROM plan_history WHERE user_id = ?", person)).isZero();
        assertThat(Database.count("SELECT count(*) FROM current_plan WHERE user_id = ?", person)).isZero();
        assertThat(Database.count("SELECT count(*) FROM outbox WHERE record_key = ?", person)).isZero();
        assertThat(kafka.readAll("plans")).noneMatch(r -> person.equals(r.key()));
    }

    static Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path());
    }

    static RequestSpecification asClinician() {
        return io.limber.routine.testing.Callers.asClinician();
    }

    static RequestSpecification asAdmin() {
        return io.limber.routine.testing.Callers.asAdmin();
    }
}
