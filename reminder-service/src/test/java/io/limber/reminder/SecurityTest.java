package io.limber.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.limber.local.security.DevKeyPair;
import io.limber.local.security.TokenIssuer;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.TestTokens;
import io.limber.reminder.support.Database;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
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
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class SecurityTest {

    static final String PATIENT = TokenIssuer.PATIENT;
    static final String CLINICIAN = TokenIssuer.CLINICIAN;
    static final String ADMIN = TokenIssuer.ADMIN;
    static final String PREFERENCES = "{\"quietHours\":{\"start\":\"21:00\",\"end\":\"07:00\"},\"mutedKinds\":[\"milestone\"]}";

    /** One endpoint: its method and path for a person, a body, and who may call it. */
    record Endpoint(String method, String path, String body, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints(String person) {
        return List.of(
                new Endpoint("GET", "/users/" + person + "/nudges", null, Set.of(PATIENT, CLINICIAN)),
                new Endpoint("GET", "/users/" + person + "/next", null, Set.of(PATIENT, CLINICIAN)),
                new Endpoint("GET", "/users/" + person + "/preferences", null, Set.of(PATIENT, CLINICIAN)),
                new Endpoint("PUT", "/users/" + person + "/preferences", PREFERENCES, Set.of(PATIENT)));
    }

    @Inject
    Pool pool;

    @Test
    void noTokenOrABadTokenIs401OnEveryEndpoint() {
        String person = "door-" + UUID.randomUUID();
        TokenIssuer issuer = TestTokens.issuer();
        TokenIssuer otherKey = new TokenIssuer(DevKeyPair.generate().privateKey(), TestTokens.ISSUER);
        List<String> roles = List.of(PATIENT);
        Map<String, String> badTokens = Map.of(
                "expired", issuer.expired(person, roles),
                "unsigned (alg none)", issuer.unsigned(person, roles),
                "wrong issuer", issuer.fromIssuer("https://attacker.example/", person, roles),
                "forged", issuer.forged(person, roles),
                "signed by another key", otherKey.token(person, roles),
                "garbage", "not.a.jwt");
        for (Endpoint endpoint : endpoints(person)) {
            assertThat(call(given(), endpoint).statusCode()).as("%s without a token", endpoint).isEqualTo(401);
            badTokens.forEach((what, token) -> assertThat(call(given().auth().oauth2(token), endpoint).statusCode())
                    .as("%s with a %s token", endpoint, what).isEqualTo(401));
        }
        assertNothingStoredFor(person);
    }

    @Test
    void aValidTokenWithoutTheRoleIs403AndChangesNothing() {
        String person = "victim-" + UUID.randomUUID();
        TokenIssuer issuer = TestTokens.issuer();
        for (Endpoint endpoint : endpoints(person)) {
            for (String role : List.of(CLINICIAN, ADMIN)) {
                if (!endpoint.roles().contains(role)) {
                    Response response = call(given().auth().oauth2(issuer.token(role + "-1", List.of(role))), endpoint);
                    assertThat(response.statusCode()).as("%s as %s", endpoint, role).isEqualTo(403);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.asString()).doesNotContain(person);
                }
            }
            assertThat(call(given().auth().oauth2(issuer.token(person, List.of())), endpoint).statusCode())
                    .as("%s with no role at all (even with the person's subject)", endpoint).isEqualTo(403);
            assertThat(call(given().auth().oauth2(issuer.token(person, List.of("nurse"))), endpoint).statusCode())
                    .as("%s with an unknown role", endpoint).isEqualTo(403);
        }
        assertNothingStoredFor(person);
    }

    @Test
    void aPatientAskingAboutSomeoneElseIs403AndChangesNothing() {
        String person = "other-" + UUID.randomUUID();
        String intruder = TestTokens.patient("intruder-" + UUID.randomUUID());
        for (Endpoint endpoint : endpoints(person)) {
            Response response = call(given().auth().oauth2(intruder), endpoint);
            assertThat(response.statusCode()).as("%s as another patient", endpoint).isEqualTo(403);
            assertThat(response.asString()).doesNotContain(person);
        }
        assertNothingStoredFor(person);
    }

    @Test
    void eachRoleDoesWhatItMay() {
        String person = "self-" + UUID.randomUUID();
        String patient = TestTokens.patient(person);
        given().auth().oauth2(patient).contentType(ContentType.JSON).body(PREFERENCES)
                .put("/users/{u}/preferences", person).then().statusCode(200);
        for (String token : List.of(patient, TestTokens.clinician())) {
            given().auth().oauth2(token).get("/users/{u}/nudges", person).then().statusCode(200).body("size()", equalTo(0));
            given().auth().oauth2(token).get("/users/{u}/preferences", person).then().statusCode(200)
                    .body("quietHours.start", equalTo("21:00"));
            // through the door: no plan here, so the answer is the domain's own 404
            given().auth().oauth2(token).get("/users/{u}/next", person).then().statusCode(404)
                    .body("error", equalTo("no reminder planned"));
        }
    }

    private void assertNothingStoredFor(String person) {
        assertThat(new Database(pool).query("SELECT 1 FROM preferences WHERE user_id = $1", person)).isEmpty();
    }

    static Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path());
    }
}
