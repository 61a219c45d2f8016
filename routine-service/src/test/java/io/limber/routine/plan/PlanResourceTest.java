package io.limber.routine.plan;

import static io.limber.routine.testing.Callers.asClinician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.routine.testing.Database;
import io.limber.routine.testing.PlanPublishedSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class PlanResourceTest {

    static final String STRETCHES_THREE_EVENINGS = """
            {"routines":[{"routineId":"lower-back-stretches","routineVersion":1}],
             "schedule":{"daysOfWeek":["MONDAY","WEDNESDAY","FRIDAY"]},"localTime":"20:30",
             "timeZone":"Europe/Amsterdam","startDate":"2026-11-02","endDate":"2027-02-28"}""";
    static final String CORE_TWICE_A_WEEK = """
            {"routines":[{"routineId":"core-strength","repetitions":{"bridge":{"sets":3,"reps":12}}},
                         {"routineId":"lower-back-stretches"}],
             "schedule":{"timesPerWeek":2},"localTime":"07:15","timeZone":"America/New_York",
             "startDate":"2026-11-09","quietHours":{"start":"23:00","end":"06:30"}}""";

    private final ObjectMapper mapper = new ObjectMapper();

    @InjectKafka
    KafkaTestClient kafka;

    @Test
    void aPlanGoesThroughItsLifecycleAndEveryChangeBumpsTheVersion() {
        String user = "plan-life-1";
        put(user, STRETCHES_THREE_EVENINGS).statusCode(201)
                .body("version", equalTo(1)).body("status", equalTo("active"))
                .body("routines[0].holds", hasSize(9));
        asClinician().get("/users/{u}/plan", user).then().statusCode(200)
                .body("version", equalTo(1)).body("timeZone", equalTo("Europe/Amsterdam"))
                .body("localTime", equalTo("20:30")).body("endDate", equalTo("2027-02-28"));
        post(user, "pause").statusCode(200).body("version", equalTo(2)).body("status", equalTo("paused"));
        post(user, "pause").statusCode(409).body("violations[0].field", equalTo("status"));
        post(user, "resume").statusCode(200).body("version", equalTo(3)).body("status", equalTo("active"));
        put(user, CORE_TWICE_A_WEEK).statusCode(200).body("version", equalTo(4))
                .body("schedule.timesPerWeek", equalTo(2))
                .body("routines.routineId", contains("core-strength", "lower-back-stretches"));
        post(user, "end").statusCode(200).body("version", equalTo(5)).body("status", equalTo("ended"));
        post(user, "resume").statusCode(409);

        asClinician().get("/users/{u}/plan/history", user).then().statusCode(200)
                .body("version", contains(1, 2, 3, 4, 5))
                .body("change", contains("created", "paused", "resumed", "replaced", "ended"));
    }

    @Test
    void everyVersionIsPublishedOnPlansKeyedByUserInOrderAsTheWholeSnapshotConformingToTheSchema() throws Exception {
        String user = "plan-pub-1";
        put(user, STRETCHES_THREE_EVENINGS).statusCode(201);
        post(user, "pause").statusCode(200);
        put(user, CORE_TWICE_A_WEEK).statusCode(200);

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords("plans", r -> user.equals(r.key()), 3,
                Duration.ofSeconds(30));

        for (ConsumerRecord<String, String> record : records) {
            assertThat(PlanPublishedSchema.violations(record.value())).isEmpty();
        }
        List<JsonNode> events = records.stream().map(r -> read(r.value())).toList();
        assertThat(events).extracting(e -> e.at("/data/version").asInt()).containsExactly(1, 2, 3);
        assertThat(events).extracting(e -> e.at("/type").asText()).containsOnly("limber.plan.published");
        assertThat(events).extracting(e -> e.at("/id").asText()).doesNotHaveDuplicates();
        JsonNode latest = events.get(2).get("data");
        assertThat(latest.get("userId").asText()).isEqualTo(user);
        assertThat(latest.get("status").asText()).isEqualTo("active");
        assertThat(latest.at("/quietHours/start").asText()).isEqualTo("23:00");
        assertThat(latest.at("/routines/0/holds")).extracting(h -> h.get("exerciseId").asText() + ":"
                + h.get("position").asText()).containsExactly("plank:set-1", "plank:set-2", "plank:set-3",
                "bridge:set-1", "bridge:set-2", "bridge:set-3", "leg-lift:set-1", "leg-lift:set-2");
        assertThat(latest.at("/routines/0/holds/3/reps").asInt()).isEqualTo(12);
        assertThat(new String(records.get(0).headers().lastHeader("content-type").value()))
                .startsWith("application/cloudevents+json");
        // the outbox is emptied once Kafka has acknowledged
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Database.count("SELECT count(*) FROM outbox WHERE record_key = ?", user)).isZero());
    }

    static Stream<Arguments> refusedPlans() {
        return Stream.of(
                Arguments.of("unknown routine", STRETCHES_THREE_EVENINGS.replace("\"lower-back-stretches\"", "\"yoga\""),
                        "routines[0].routineId", "unknown routine 'yoga'"),
                Arguments.of("unknown version", STRETCHES_THREE_EVENINGS.replace("\"routineVersion\":1", "\"routineVersion\":9"),
                        "routines[0].routineVersion", "unknown version 9"),
                Arguments.of("unknown time zone", STRETCHES_THREE_EVENINGS.replace("Europe/Amsterdam", "Europe/Atlantis"),
                        "timeZone", "unknown time zone 'Europe/Atlantis'"),
                Arguments.of("duplicate routine", CORE_TWICE_A_WEEK.replace("{\"routineId\":\"lower-back-stretches\"}",
                        "{\"routineId\":\"core-strength\"}"), "routines[1].routineId", "duplicate routine 'core-strength'"),
                Arguments.of("end before start", STRETCHES_THREE_EVENINGS.replace("2027-02-28", "2026-11-01"),
                        "endDate", "end date 2026-11-01 is before start date 2026-11-02"),
                Arguments.of("malformed JSON", "{\"routines\": [", "body", "malformed JSON"),
                // platform/runtime's StrictRestJson: without it the second localTime would silently win
                Arguments.of("a field named twice", STRETCHES_THREE_EVENINGS.replace("\"localTime\":\"20:30\"",
                        "\"localTime\":\"20:30\",\"localTime\":\"06:00\""), "body", "malformed JSON"),
                Arguments.of("wrong type", STRETCHES_THREE_EVENINGS.replace("\"routineVersion\":1", "\"routineVersion\":\"one\""),
                        "routines[0].routineVersion", "wrong type"),
                Arguments.of("bad local time", STRETCHES_THREE_EVENINGS.replace("20:30", "8pm"),
                        "localTime", "'8pm' is not a time of day as HH:mm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedPlans")
    void aRefusedPlanNamesTheFieldAndTheReasonAndNothingIsStoredOrPublished(String name, String body, String field,
                                                                            String reason) {
        String user = "refused-" + name.replace(' ', '-');
        put(user, body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].reason", startsWith(reason.split(" '")[0]))
                .body("detail", org.hamcrest.Matchers.containsString(reason));

        asClinician().get("/users/{u}/plan", user).then().statusCode(404);
        assertThat(Database.count("SELECT count(*) FROM current_plan WHERE user_id = ?", user)).isZero();
        assertThat(Database.count("SELECT count(*) FROM plan_history WHERE user_id = ?", user)).isZero();
        // nothing in the outbox means nothing can ever be published for this person
        assertThat(Database.count("SELECT count(*) FROM outbox WHERE record_key = ?", user)).isZero();
        assertThat(kafka.readAll("plans")).noneMatch(r -> user.equals(r.key()));
    }

    @Test
    void aRefusedReplacementLeavesTheCurrentPlanAsItWas() {
        String user = "refused-replace";
        put(user, STRETCHES_THREE_EVENINGS).statusCode(201);
        put(user, STRETCHES_THREE_EVENINGS.replace("Europe/Amsterdam", "Nowhere")).statusCode(400);
        asClinician().get("/users/{u}/plan", user).then().statusCode(200).body("version", equalTo(1))
                .body("timeZone", equalTo("Europe/Amsterdam"));
        assertThat(Database.count("SELECT count(*) FROM plan_history WHERE user_id = ?", user)).isEqualTo(1);
    }

    @Test
    void changingAPlanThatDoesNotExistIsNotFound() {
        post("nobody-here", "pause").statusCode(404).body("violations[0].field", equalTo("userId"));
        asClinician().get("/users/nobody-here/plan/history").then().statusCode(404);
    }

    @Test
    void anImpossibleUserIdIsRefused() {
        put("a b", STRETCHES_THREE_EVENINGS).statusCode(400).body("violations[0].field", equalTo("userId"));
    }

    private static io.restassured.response.ValidatableResponse put(String user, String body) {
        return asClinician().contentType(ContentType.JSON).body(body).put("/users/{u}/plan", user).then().log().ifValidationFails();
    }

    private static io.restassured.response.ValidatableResponse post(String user, String action) {
        return asClinician().post("/users/{u}/plan/" + action, user).then().log().ifValidationFails();
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
