package io.limber.routine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.limber.local.testing.HostileInputs;
import io.limber.local.testing.HostileInputs.Body;
import io.limber.local.testing.HostileInputs.Tally;
import io.limber.local.testing.HostileInputs.Tally.StatusClass;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.local.testing.RawHttp;
import io.limber.local.testing.RawHttp.Answer;
import io.limber.local.testing.TestTokens;
import io.limber.routine.testing.Callers;
import io.limber.routine.testing.Database;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's hostile input: over 1,000 generated malformed or hostile inputs to every endpoint, each with a token
 * of a role allowed there, so the input alone is judged. Every answer is a 4xx (a 2xx only where the input happens
 * to be valid), never a 5xx; the service stays healthy; and refused requests store and publish nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class HostileInputTest {

    @InjectKafka
    KafkaTestClient kafka;

    static final long SEED = 20261124L;
    static final int BODIES_PER_ENDPOINT = 1_000;
    static final int PATHS_PER_ENDPOINT = 1_000;

    static final String PLAN = """
            {"routines":[{"routineId":"lower-back-stretches","routineVersion":1},
                         {"routineId":"core-strength","repetitions":{"bridge":{"sets":3,"reps":12}}}],
             "schedule":{"daysOfWeek":["MONDAY","WEDNESDAY","FRIDAY"]},"localTime":"20:30",
             "timeZone":"Europe/Amsterdam","startDate":"2026-11-02","endDate":"2027-02-28",
             "quietHours":{"start":"22:00","end":"07:00"}}""";
    static final String ROUTINE = """
            {"routineId":"fuzz-routine","title":"Wall sit","core":true,"purpose":"Strength","timeOfDay":["evening"],
             "timeOfDayHint":"Evenings","caution":"Stop if the pain is sharp.",
             "exercises":[{"exerciseId":"wall-sit","name":"Wall sit","cues":["Back flat on the wall"],
               "easierOption":"Higher up the wall","holds":[{"position":"set-1","seconds":30,"restSecondsAfter":30}]},
              {"exerciseId":"bridge","name":"Bridge","cues":["Knees bent"],"repetitions":{"sets":2,"reps":10}}]}""";
    static final String CLOSE = """
            {"resolution":"Seen in clinic; resume gently.","resumePlan":true}""";

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    final List<Tally> tallies = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    @Test
    void everyEndpointRefusesHostileInputWithA4xxAndStoresNothing() {
        String clinician = TestTokens.clinician();
        String admin = TestTokens.admin();
        long started = System.nanoTime();

        // a plan and an open care review to aim at, so that paths and bodies reach the code behind them
        String person = "fuzz-person";
        Callers.asClinician().contentType("application/json").body(PLAN).put("/users/{u}/plan", person)
                .then().statusCode(201);
        int reviewId = openCareReviewFor(person);

        // bodies: a fresh person per request, so that each accepted plan is exactly one version 1 of its own
        long routinesBefore = Database.count("SELECT count(*) FROM routine_version");
        long closedBefore = Database.count("SELECT count(*) FROM care_review WHERE status <> 'open'");
        HostileInputs plans = new HostileInputs(SEED);
        List<Body> planBodies = withTenMegabytes(plans.bodies(PLAN, BODIES_PER_ENDPOINT), plans, PLAN);
        int[] n = {0};
        Tally putPlan = fuzzBodies("PUT /users/{id}/plan", "PUT", b -> "/users/fuzz-body-" + (n[0]++) + "/plan",
                clinician, planBodies);
        HostileInputs routines = new HostileInputs(SEED + 1);
        Tally postRoutine = fuzzBodies("POST /routines", "POST", b -> "/routines", admin,
                withTenMegabytes(routines.bodies(ROUTINE, BODIES_PER_ENDPOINT), routines, ROUTINE));
        HostileInputs closes = new HostileInputs(SEED + 2);
        Tally closeReview = fuzzBodies("POST /care-reviews/{id}/close", "POST", b -> "/care-reviews/" + reviewId + "/close",
                clinician, withTenMegabytes(closes.bodies(CLOSE, BODIES_PER_ENDPOINT), closes, CLOSE));

        // paths: hostile ids in every path parameter
        List<String> segments = new HostileInputs(SEED + 3).pathSegments(PATHS_PER_ENDPOINT);
        fuzzPaths("GET /users/{id}/plan", "GET", s -> "/users/" + s + "/plan", clinician, null, segments);
        fuzzPaths("GET /users/{id}/plan/history", "GET", s -> "/users/" + s + "/plan/history", clinician, null, segments);
        fuzzPaths("PUT /users/{id}/plan (path)", "PUT", s -> "/users/" + s + "/plan", clinician, PLAN, segments);
        fuzzPaths("POST /users/{id}/plan/pause", "POST", s -> "/users/" + s + "/plan/pause", clinician, null, segments);
        fuzzPaths("POST /users/{id}/plan/resume", "POST", s -> "/users/" + s + "/plan/resume", clinician, null, segments);
        fuzzPaths("POST /users/{id}/plan/end", "POST", s -> "/users/" + s + "/plan/end", clinician, null, segments);
        fuzzPaths("GET /users/{id}/care-reviews", "GET", s -> "/users/" + s + "/care-reviews", clinician, null, segments);
        fuzzPaths("DELETE /users/{id}", "DELETE", s -> "/users/" + s, admin, null, segments);
        fuzzPaths("GET /routines/{id}", "GET", s -> "/routines/" + s, clinician, null, segments);
        fuzzPaths("GET /routines/{id}/versions", "GET", s -> "/routines/" + s + "/versions", clinician, null, segments);
        fuzzPaths("GET /routines/{id}/versions/{v}", "GET", s -> "/routines/lower-back-stretches/versions/" + s,
                clinician, null, segments);
        fuzzPaths("POST /care-reviews/{id}/close (path)", "POST", s -> "/care-reviews/" + s + "/close", clinician, CLOSE,
                segments);
        fuzzPaths("GET /care-reviews/open?{query}", "GET", s -> "/care-reviews/open?x=" + s, clinician, null, segments);
        fuzzPaths("GET /routines?{query}", "GET", s -> "/routines?routineId=" + s, clinician, null, segments);

        System.out.printf("%nroutine-service hostile input (seed %d), %.1f s:%n", SEED, (System.nanoTime() - started) / 1e9);
        tallies.forEach(t -> System.out.println("  " + t));
        int sent = tallies.stream().mapToInt(Tally::sent).sum();
        System.out.printf("  %d inputs in all%n", sent);

        assertThat(failures).as("answers that were not 4xx (or 2xx for valid input)").isEmpty();
        assertThat(tallies).allSatisfy(t -> assertThat(t.sent()).isGreaterThanOrEqualTo(1_000));
        assertThat(tallies).allSatisfy(t -> assertThat(t.count(StatusClass.S5XX)).isZero());

        // still healthy
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));

        // refused requests stored nothing: every stored row, and every plan published, is an accepted request's
        assertThat(Database.count("SELECT count(*) FROM plan_history WHERE user_id LIKE 'fuzz-body-%'"))
                .as("plans stored from fuzzed bodies").isEqualTo(putPlan.count(StatusClass.S2XX));
        assertThat(Database.count("SELECT count(*) FROM routine_version") - routinesBefore)
                .as("routines stored from fuzzed bodies").isEqualTo(postRoutine.count(StatusClass.S2XX));
        assertThat(Database.count("SELECT count(*) FROM care_review WHERE status <> 'open'") - closedBefore)
                .as("reviews closed by fuzzed bodies").isEqualTo(Math.min(1, closeReview.count(StatusClass.S2XX)));
        assertThat(putPlan.count(StatusClass.S2XX)).as("valid plans among the hostile ones").isLessThan(BODIES_PER_ENDPOINT / 5);
        int acceptedPlans = putPlan.count(StatusClass.S2XX);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.readAll("plans").stream().filter(r -> r.key() != null && r.key().startsWith("fuzz-body-"))
                        .count()).isEqualTo(acceptedPlans));
    }

    private Tally fuzzBodies(String endpoint, String method, Function<Body, String> path, String token, List<Body> bodies) {
        Tally tally = new Tally(endpoint);
        for (Body body : bodies) {
            Answer answer = RawHttp.send(api.getPort(), method, path.apply(body), token, body.contentType(), body.json());
            judge(tally, endpoint, body.toString(), answer);
        }
        tallies.add(tally);
        return tally;
    }

    private void fuzzPaths(String endpoint, String method, Function<String, String> path, String token, String body,
                           List<String> segments) {
        Tally tally = new Tally(endpoint);
        int unanswered = 0;
        for (String segment : segments) {
            Answer answer = RawHttp.send(api.getPort(), method, path.apply(segment), token, "application/json", body);
            judge(tally, endpoint, "path segment " + abbreviated(segment), answer);
            if (answer.status() == 0 && ++unanswered == 5) {
                failures.add(endpoint + ": 5 requests without an answer, the rest skipped");
                break;
            }
        }
        tallies.add(tally);
    }

    private void judge(Tally tally, String endpoint, String input, Answer answer) {
        tally.record(answer.status());
        int statusClass = answer.status() / 100;
        if (statusClass != 4 && statusClass != 2) {
            failures.add(endpoint + " <- " + input + " -> " + abbreviated(answer.text()));
        }
    }

    private static List<Body> withTenMegabytes(List<Body> bodies, HostileInputs inputs, String example) {
        List<Body> all = new ArrayList<>(bodies);
        all.add(inputs.tenMegabyteBody(example));
        return all;
    }

    private int openCareReviewFor(String person) {
        kafka.send("care-reviews", person, """
                {"specversion":"1.0","id":"%s","source":"/reminder-service","type":"limber.care-review.requested",
                 "datacontenttype":"application/json",
                 "data":{"userId":"%s","reason":"repeated-pain-stop","urgent":false,"requestedAt":"2026-11-20T08:00:00Z"}}
                """.formatted(UUID.randomUUID(), person));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Callers.asClinician().get("/care-reviews/open").then().statusCode(200).body("userId", hasItem(person)));
        return Callers.asClinician().get("/users/{u}/care-reviews", person).then().extract().path("[0].reviewId");
    }

    private static String abbreviated(String text) {
        String oneLine = text.replace("\r", "").replace('\n', ' ');
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
