package io.limber.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.local.stack.LocalStack;
import io.limber.local.testing.KafkaTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system as it runs: the three services from their packaged jars, a real Kafka broker and PostgreSQL,
 * and the simulator with a fixed seed and one person of each persona, 28 days of history.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int DAYS = 28;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static LocalStack stack;
    private static Simulator simulator;
    private static List<ClientEvent> sent;
    private static Map<Persona, Person> people;
    private static final Clock CLOCK = Clock.systemUTC();

    @BeforeAll
    static void startTheSystemAndBackfill() throws Exception {
        stack = LocalStack.start(LocalStack.Options.forTests(), Path.of("../..").toAbsolutePath().normalize());
        Simulator.Options options = Simulator.Options.parse(new String[] {
            "--people", "7", "--days", Integer.toString(DAYS), "--seed", "42", "--no-live",
            "--kafka", stack.kafkaBootstrapServers(),
            "--routine-service", stack.url("routine-service").toString(),
            "--session-service", stack.url("session-service").toString(),
            "--jwt-keys", stack.keyDirectory().toString()});
        simulator = new Simulator(options, CLOCK);
        people = simulator.cohort().people().stream().collect(Collectors.toMap(Person::persona, Function.identity()));
        simulator.createPlans();
        try (EventSender sender = simulator.sender()) {
            sent = simulator.backfill(sender);
        }
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyPersonsAdherenceIsExactlyWhatTheirEventsSay() {
        for (Person person : people.values()) {
            LocalDate today = LocalDate.now(CLOCK.withZone(person.zone()));
            ExpectedAdherence expected = new ExpectedAdherence(
                    sent.stream().filter(e -> e.userId().equals(person.userId())).toList(),
                    person.zone(), Cohort.startDate(person, CLOCK, DAYS), today);
            await(person.persona() + "'s adherence").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        JsonNode adherence = get(stack.url("session-service"), "/users/" + person.userId() + "/adherence");
                        assertRatio(adherence.path("sessionAdherence28"), expected.sessionAdherence(28), person, 28);
                        assertRatio(adherence.path("sessionAdherence7"), expected.sessionAdherence(7), person, 7);
                    });
        }
    }

    @Test
    @Order(2)
    void thePainPronePersonGetsAnEmergencyMessageForTheRedFlagAndAnUrgentCareReview() throws Exception {
        Person painProne = people.get(Persona.PAIN_PRONE);
        await("emergency nudge").atMost(PATIENCE).untilAsserted(() -> {
            JsonNode nudges = get(stack.url("reminder-service"), "/users/" + painProne.userId() + "/nudges");
            Map<String, Integer> kinds = new HashMap<>();
            nudges.forEach(n -> kinds.merge(n.path("kind").asText(), 1, Integer::sum));
            assertThat(kinds.get("emergency")).as("emergency nudges").isEqualTo(1);
            assertThat(kinds.get("safety")).as("safety nudges").isGreaterThanOrEqualTo(1);
        });
        await("urgent care review").atMost(PATIENCE).untilAsserted(() -> {
            JsonNode reviews = get(stack.url("routine-service"), "/users/" + painProne.userId() + "/care-reviews");
            assertThat(reviews.findValues("urgent")).extracting(JsonNode::asBoolean).contains(true);
        });
        Person steady = people.get(Persona.STEADY);
        JsonNode steadyNudges = get(stack.url("reminder-service"), "/users/" + steady.userId() + "/nudges");
        assertThat(steadyNudges.findValues("kind")).extracting(JsonNode::asText)
                .doesNotContain("safety", "emergency");
    }

    @Test
    @Order(3)
    void aSharpPainStopNowGetsASafetyMessageAndHoldsBackRoutineRemindersFor48Hours() throws Exception {
        Person person = people.get(Persona.WEEKEND_ONLY);
        java.time.Instant now = CLOCK.instant();
        String eventId = java.util.UUID.randomUUID().toString();
        String json = """
                {"specversion":"1.0","id":"%s","source":"/clients/e2e","type":"limber.session.pain-stopped",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"userId":"%s","sessionId":"%s","routineId":"lower-back-stretches","routineVersion":1,
                         "startedAt":"%s","exerciseId":"crossover","pain":6,"sharp":true,"redFlags":[]}}
                """.formatted(eventId, now, person.userId(), java.util.UUID.randomUUID(), now.minusSeconds(120));
        try (EventSender sender = simulator.sender()) {
            sender.send(new ClientEvent(person.userId(), eventId, "limber.session.pain-stopped", now, now,
                    Persona.Channel.KAFKA, json));
            sender.flush();
        }

        await("safety message").atMost(PATIENCE).untilAsserted(() -> {
            JsonNode nudges = get(stack.url("reminder-service"), "/users/" + person.userId() + "/nudges");
            assertThat(nudges.findValues("id")).extracting(JsonNode::asText)
                    .anySatisfy(id -> assertThat(id).endsWith(":safety:" + eventId));
        });
        HttpResponse<String> next = HTTP.send(asClinician(
                stack.url("reminder-service").resolve("/users/" + person.userId() + "/next")),
                HttpResponse.BodyHandlers.ofString());
        if (next.statusCode() == 200) {
            assertThat(java.time.Instant.parse(read(next.body()).path("dueAt").asText()))
                    .as("next routine reminder after a sharp pain-stop")
                    .isAfterOrEqualTo(now.plus(Duration.ofHours(48)));
        } else {
            assertThat(next.statusCode()).isEqualTo(404);
        }
        JsonNode nudges = get(stack.url("reminder-service"), "/users/" + person.userId() + "/nudges");
        for (JsonNode nudge : nudges) {
            if (java.time.Instant.parse(nudge.path("createdAt").asText()).isAfter(now)) {
                assertThat(nudge.path("kind").asText()).as("nudges since the pain-stop")
                        .isIn("safety", "check-in", "emergency");
            }
        }
    }

    @Test
    @Order(4)
    void everyNudgeIdAppearsOnceOnTheNudgesTopic() {
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            List<ConsumerRecord<String, String>> records = kafka.readAll("nudges");
            assertThat(records).isNotEmpty();
            List<String> ids = records.stream().map(r -> read(r.value()).path("id").asText()).toList();
            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    @Order(5)
    void erasingAPersonRemovesThemFromAllThreeServices() throws Exception {
        Person steady = people.get(Persona.STEADY);
        HttpResponse<String> erased = HTTP.send(HttpRequest.newBuilder(
                        stack.url("routine-service").resolve("/users/" + steady.userId()))
                        .header("Authorization", "Bearer " + stack.tokens().admin("admin-e2e")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).isEqualTo(204);

        await("erased everywhere").atMost(PATIENCE).untilAsserted(() -> {
            assertThat(status(stack.url("routine-service"), "/users/" + steady.userId() + "/plan")).isEqualTo(404);
            assertThat(status(stack.url("session-service"), "/users/" + steady.userId() + "/adherence")).isEqualTo(404);
            JsonNode nudges = get(stack.url("reminder-service"), "/users/" + steady.userId() + "/nudges");
            assertThat(nudges.size()).isZero();
        });
        // the others are untouched
        assertThat(status(stack.url("session-service"), "/users/" + people.get(Persona.LAPSING).userId() + "/adherence"))
                .isEqualTo(200);
    }

    @Test
    @Order(6)
    void noServiceLogsAPersonsIdOrPainDetails() throws Exception {
        List<String> userIds = simulator.cohort().people().stream().map(Person::userId).toList();
        List<String> painDetails = List.of("saddle-numbness");
        for (String service : List.of("routine-service", "session-service", "reminder-service")) {
            Path log = stack.logFile(service);
            List<String> lines = java.nio.file.Files.readAllLines(log);
            assertThat(lines).as(service + "'s log").isNotEmpty();
            for (String line : lines) {
                assertThat(userIds).as(service + " logged a user id: " + line).noneMatch(line::contains);
                assertThat(painDetails).as(service + " logged a pain detail: " + line).noneMatch(line::contains);
            }
        }
    }

    private static void assertRatio(JsonNode actual, OptionalDouble expected, Person person, int window) {
        String what = person.persona() + " " + window + "-day session adherence";
        if (expected.isEmpty()) {
            assertThat(actual.isNull() || actual.isMissingNode()).as(what + " is unknown").isTrue();
        } else {
            assertThat(actual.isNumber()).as(what + " is known").isTrue();
            assertThat(actual.asDouble()).as(what).isCloseTo(expected.getAsDouble(), within(1e-9));
        }
    }

    private static JsonNode get(URI service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(asClinician(service.resolve(path)), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int status(URI service, String path) throws Exception {
        return HTTP.send(asClinician(service.resolve(path)), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A GET as the simulated clinician (who may read every person's data). */
    private static HttpRequest asClinician(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", simulator.credentials().clinician()).build();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
