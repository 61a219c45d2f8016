package io.limber.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.limber.local.testing.HostileInputs;
import io.limber.local.testing.HostileInputs.Body;
import io.limber.local.testing.HostileInputs.Tally;
import io.limber.local.testing.HostileInputs.Tally.StatusClass;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.RawHttp;
import io.limber.local.testing.RawHttp.Answer;
import io.limber.local.testing.TestTokens;
import io.limber.reminder.support.Database;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's hostile input: over 1,000 generated malformed or hostile inputs to every endpoint, each with a token
 * of a role allowed there, so the input alone is judged. Every answer is a 4xx (a 2xx only where the input happens
 * to be valid), never a 5xx; the service stays healthy; and refused requests store nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class HostileInputTest {

    static final long SEED = 20261124L;
    static final int BODIES = 1_000;
    static final int PATHS_PER_ENDPOINT = 1_000;
    static final String PREFERENCES = """
            {"quietHours":{"start":"21:30","end":"07:00"},"mutedKinds":["milestone","lapse"]}""";

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Inject
    Pool pool;

    final List<Tally> tallies = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    @Test
    void everyEndpointRefusesHostileInputWithA4xxAndStoresNothing() {
        long started = System.nanoTime();
        String clinician = TestTokens.clinician();
        long preferencesBefore = count("SELECT count(*) FROM preferences");

        // bodies: each from the person themself, a fresh person per request, so each accepted body is one row
        HostileInputs inputs = new HostileInputs(SEED);
        List<Body> bodies = new ArrayList<>(inputs.bodies(PREFERENCES, BODIES));
        bodies.add(inputs.tenMegabyteBody(PREFERENCES));
        Tally putBodies = new Tally("PUT /users/{id}/preferences");
        for (int i = 0; i < bodies.size(); i++) {
            String person = "fuzz-body-" + i;
            Body body = bodies.get(i);
            Answer answer = RawHttp.send(api.getPort(), "PUT", "/users/" + person + "/preferences",
                    TestTokens.patient(person), body.contentType(), body.json());
            judge(putBodies, body.toString(), answer);
        }
        tallies.add(putBodies);

        // paths: hostile ids; reads as a clinician, writes as the person the id names (so the id itself is judged)
        List<String> segments = new HostileInputs(SEED + 1).pathSegments(PATHS_PER_ENDPOINT);
        fuzzPaths("GET /users/{id}/nudges", "GET", s -> "/users/" + s + "/nudges", s -> clinician, null, segments);
        fuzzPaths("GET /users/{id}/next", "GET", s -> "/users/" + s + "/next", s -> clinician, null, segments);
        fuzzPaths("GET /users/{id}/preferences", "GET", s -> "/users/" + s + "/preferences", s -> clinician, null,
                segments);
        Tally putPaths = fuzzPaths("PUT /users/{id}/preferences (path)", "PUT", s -> "/users/" + s + "/preferences",
                s -> TestTokens.patient(decoded(s)), PREFERENCES, segments);

        System.out.printf("%nreminder-service hostile input (seed %d), %.1f s:%n", SEED, (System.nanoTime() - started) / 1e9);
        tallies.forEach(t -> System.out.println("  " + t));
        System.out.printf("  %d inputs in all%n", tallies.stream().mapToInt(Tally::sent).sum());

        assertThat(failures).as("answers that were not 4xx (or 2xx for valid input)").isEmpty();
        assertThat(tallies).allSatisfy(t -> assertThat(t.sent()).isGreaterThanOrEqualTo(1_000));
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));

        // refused requests stored nothing: every row is an accepted request's
        assertThat(count("SELECT count(*) FROM preferences WHERE user_id LIKE 'fuzz-body-%'"))
                .as("preferences stored from fuzzed bodies").isEqualTo(putBodies.count(StatusClass.S2XX));
        assertThat(count("SELECT count(*) FROM preferences") - preferencesBefore)
                .as("preferences stored in all").isEqualTo(putBodies.count(StatusClass.S2XX) + putPaths.count(StatusClass.S2XX));
        // a body of two optional fields: one removed, nulled or joined by an unknown member is often still valid
        assertThat(putBodies.count(StatusClass.S2XX)).as("valid bodies among the hostile ones").isLessThan(BODIES / 3);
    }

    private Tally fuzzPaths(String endpoint, String method, Function<String, String> path, Function<String, String> token,
                            String body, List<String> segments) {
        Tally tally = new Tally(endpoint);
        int unanswered = 0;
        for (String segment : segments) {
            Answer answer = RawHttp.send(api.getPort(), method, path.apply(segment), token.apply(segment),
                    "application/json", body);
            judge(tally, endpoint + " <- path segment " + abbreviated(segment), answer);
            if (answer.status() == 0 && ++unanswered == 5) {
                failures.add(endpoint + ": 5 requests without an answer, the rest skipped");
                break;
            }
        }
        tallies.add(tally);
        return tally;
    }

    private void judge(Tally tally, String input, Answer answer) {
        tally.record(answer.status());
        int statusClass = answer.status() / 100;
        if (statusClass != 4 && statusClass != 2) {
            failures.add(input + " -> " + abbreviated(answer.text()));
        }
    }

    /** The id the server will see; one that cannot be decoded gets a token for somebody else (a 4xx either way). */
    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notDecodable) {
            return "somebody-else";
        }
    }

    private long count(String sql) {
        return new Database(pool).query(sql).get(0).getLong(0);
    }

    private static String abbreviated(String text) {
        String oneLine = text.replace("\r", "").replace('\n', ' ');
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
