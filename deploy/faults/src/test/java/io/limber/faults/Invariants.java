package io.limber.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.local.stack.LocalStack;
import io.limber.local.stack.Readiness;
import io.limber.local.testing.KafkaTestClient;
import io.limber.simulator.ClientEvent;
import io.limber.simulator.ExpectedAdherence;
import io.limber.simulator.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What must hold after every fault: each person's adherence is what their events say, every event sent was
 * processed exactly once and none was dead-lettered, every nudge id is on {@code nudges} once, pain-stops sent in
 * binary mode are answered like structured ones, every service is ready, and erasing a person reaches all three
 * services.
 */
final class Invariants {

    static final List<String> SERVICES = List.of("routine-service", "session-service", "reminder-service");
    static final Duration PATIENCE = Duration.ofSeconds(150);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalStack stack;

    Invariants(LocalStack stack) {
        this.stack = stack;
    }

    /** Each person's 7- and 28-day session adherence equals the oracle's, once the system has caught up. */
    void adherenceIsExactlyWhatWasSent(Group group, List<ClientEvent> sent) {
        for (Person person : group.people()) {
            ExpectedAdherence expected = group.expected(person, sent);
            await(person.persona() + "'s adherence").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        JsonNode adherence = get("session-service", "/users/" + person.userId() + "/adherence");
                        assertRatio(adherence.path("sessionAdherence28"), expected.sessionAdherence(28), person, 28);
                        assertRatio(adherence.path("sessionAdherence7"), expected.sessionAdherence(7), person, 7);
                    });
        }
    }

    /**
     * Every distinct event sent is stored by session-service exactly once (none missing, none twice, none invented),
     * and none of them is on {@code session-events.dlq}. Returns how many distinct events that is.
     */
    int everyEventProcessedOnce(Group group, List<ClientEvent> sent) {
        Set<String> expected = sent.stream().map(ClientEvent::eventId).collect(Collectors.toSet());
        List<String> userIds = group.people().stream().map(Person::userId).toList();
        await("every event stored once").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(sessionDb("SELECT event_id FROM session_event WHERE user_id = ANY (?)",
                        userIds)).as("events stored by session-service").containsExactlyInAnyOrderElementsOf(expected));
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            List<String> deadLettered = kafka.readAll("session-events.dlq").stream()
                    .map(r -> idOf(r.value())).filter(expected::contains).toList();
            assertThat(deadLettered).as("valid events dead-lettered").isEmpty();
        }
        return expected.size();
    }

    /** Every nudge id on {@code nudges} appears exactly once; returns how many nudges there are. */
    int everyNudgeIdOnce() {
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            List<String> ids = kafka.readAll("nudges").stream().filter(r -> r.value() != null)
                    .map(r -> idOf(r.value())).toList();
            Map<String, Long> repeated = ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                    .entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(repeated).as("nudge ids on nudges more than once").isEmpty();
            return ids.size();
        }
    }

    /** The records on {@code nudges} whose id is one of {@code ids}, by id. */
    Map<String, Long> nudgesOnTopic(Collection<String> ids) {
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            Map<String, Long> found = new HashMap<>();
            for (ConsumerRecord<String, String> r : kafka.readAll("nudges")) {
                String id = r.value() == null ? "" : idOf(r.value());
                if (ids.contains(id)) {
                    found.merge(id, 1L, Long::sum);
                }
            }
            return found;
        }
    }

    /**
     * The pain-stops sent in binary mode had the effect structured ones have: exactly one safety nudge for the sharp
     * one and exactly one emergency nudge for the red flag on {@code nudges}, exactly one urgent red-flag care review
     * on {@code care-reviews}, and session-service stored each once and dead-lettered neither. Returns what was
     * checked, for the table.
     */
    String binaryPainStopsAnsweredOnce(PainStops pain) throws SQLException {
        Set<String> nudgeIds = Set.of(pain.safetyNudgeId(), pain.emergencyNudgeId());
        await("the binary pain-stops' safety and emergency nudges").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(nudgesOnTopic(nudgeIds)).containsOnlyKeys(nudgeIds));
        assertThat(nudgesOnTopic(nudgeIds)).as("each binary pain-stop's nudge on nudges")
                .isEqualTo(Map.of(pain.safetyNudgeId(), 1L, pain.emergencyNudgeId(), 1L));

        await("the binary red flag's care review").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> !careReviewsOf(pain).isEmpty());
        List<JsonNode> reviews = careReviewsOf(pain);
        assertThat(reviews).as("care reviews of the binary red flag").hasSize(1);
        assertThat(reviews.get(0).path("data").path("urgent").asBoolean()).as("the red flag's review is urgent")
                .isTrue();
        assertThat(reviews.get(0).path("data").path("reason").asText()).isEqualTo("red-flag");

        List<String> userIds = pain.people().stream().map(Person::userId).toList();
        await("the binary pain-stops stored once").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(sessionDb("SELECT event_id FROM session_event WHERE user_id = ANY (?)",
                        userIds)).as("binary pain-stops stored by session-service")
                        .containsExactlyInAnyOrderElementsOf(pain.eventIds()));
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            assertThat(kafka.readAll("session-events.dlq").stream().map(Invariants::eventIdOf)
                    .filter(pain.eventIds()::contains).toList()).as("binary pain-stops dead-lettered").isEmpty();
        }
        return "binary sharp pain-stop: 1 safety nudge, binary red flag: 1 emergency nudge and 1 urgent care review,"
                + " both stored once";
    }

    /** Waits until reminder-service knows each person's plan (it has a next reminder for them). */
    void awaitPlansKnownToReminderService(Collection<Person> people) {
        await("plans known to reminder-service").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (Person person : people) {
                        assertThat(status("reminder-service", "/users/" + person.userId() + "/next"))
                                .as("next reminder of a person with a plan").isEqualTo(200);
                    }
                });
    }

    /** The red flag's care reviews on {@code care-reviews} (any that names its pain-stop). */
    private List<JsonNode> careReviewsOf(PainStops pain) {
        String userId = pain.redFlagPerson().userId();
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            List<JsonNode> reviews = new ArrayList<>();
            for (ConsumerRecord<String, String> r : kafka.readAll("care-reviews")) {
                if (userId.equals(r.key()) && r.value() != null) {
                    JsonNode review = JSON.readTree(r.value());
                    for (JsonNode id : review.path("data").path("painEventIds")) {
                        if (id.asText().equals(pain.redFlagEventId())) {
                            reviews.add(review);
                            break;
                        }
                    }
                }
            }
            return reviews;
        } catch (IOException e) {
            throw new AssertionError("a care review that is not JSON", e);
        }
    }

    /** Waits until all three services are ready; returns how long that took from {@code since}. */
    Duration awaitAllReady(Instant since) {
        await("all services ready").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> SERVICES.stream().allMatch(this::ready));
        return Duration.between(since, Instant.now());
    }

    /** Waits until each of the services reports not ready (or cannot be reached). */
    void awaitNotReady(Collection<String> services, Duration timeout) {
        for (String service : services) {
            await(service + " readiness DOWN").atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(() -> !ready(service));
        }
    }

    /** {@code /q/health/ready} on the service's management port answers 200. */
    boolean ready(String service) {
        return ready(stack.managementUrl(service));
    }

    /** {@code /q/health/ready} answers 200 at this management URL (e.g. a second replica's). */
    boolean ready(URI management) {
        return Readiness.isReady(management, Duration.ofSeconds(2));
    }

    /**
     * Erases the person through routine-service (as an admin) and waits until all three services have forgotten
     * them: no plan, no adherence, no stored event, no nudge, no next reminder. Returns how long it took.
     */
    Duration erasureReachesEveryService(Person person) throws Exception {
        Instant begin = Instant.now();
        HttpResponse<String> erased = HTTP.send(HttpRequest.newBuilder(
                                stack.url("routine-service").resolve("/users/" + person.userId()))
                        .header("Authorization", "Bearer " + stack.tokens().admin("fault-suite-admin"))
                        .timeout(Duration.ofSeconds(30)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).as("DELETE /users/{id}: " + erased.body()).isEqualTo(204);
        await("erased everywhere").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertThat(status("routine-service", "/users/" + person.userId() + "/plan")).isEqualTo(404);
                    assertThat(status("session-service", "/users/" + person.userId() + "/adherence")).isEqualTo(404);
                    assertThat(sessionDb("SELECT event_id FROM session_event WHERE user_id = ANY (?)",
                            List.of(person.userId()))).as("stored events").isEmpty();
                    assertThat(get("reminder-service", "/users/" + person.userId() + "/nudges").size())
                            .as("nudges").isZero();
                    assertThat(status("reminder-service", "/users/" + person.userId() + "/next")).isEqualTo(404);
                });
        return Duration.between(begin, Instant.now());
    }

    /** Another person of the group is untouched by the erasure. */
    void stillThere(Person person) throws Exception {
        assertThat(status("session-service", "/users/" + person.userId() + "/adherence")).isEqualTo(200);
        assertThat(status("routine-service", "/users/" + person.userId() + "/plan")).isEqualTo(200);
    }

    JsonNode get(String service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(asClinician(service, path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + service + path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    int status(String service, String path) throws Exception {
        return HTTP.send(asClinician(service, path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest asClinician(String service, String path) {
        URI uri = stack.url(service).resolve(path);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + stack.tokens().clinician("fault-suite-clinician")).build();
    }

    private List<String> sessionDb(String sql, List<String> userIds) throws SQLException {
        try (Connection connection = stack.postgres().connect("session");
             PreparedStatement query = connection.prepareStatement(sql)) {
            Array ids = connection.createArrayOf("text", userIds.toArray());
            query.setArray(1, ids);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
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

    /** The CloudEvent id of a record in either form: the {@code ce_id} header (binary), else the JSON's id. */
    private static String eventIdOf(ConsumerRecord<String, String> record) {
        Header ceId = record.headers().lastHeader("ce_id");
        if (ceId != null) {
            return new String(ceId.value(), StandardCharsets.UTF_8);
        }
        return record.value() == null ? "" : idOf(record.value());
    }

    private static String idOf(String json) {
        try {
            return JSON.readTree(json).path("id").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
