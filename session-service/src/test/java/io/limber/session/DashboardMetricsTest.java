package io.limber.session;

import static io.limber.session.TestEvents.ZONE;
import static io.limber.session.TestEvents.newUser;
import static io.limber.session.TestEvents.painStopped;
import static io.limber.session.TestEvents.plan;
import static io.limber.session.TestEvents.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's rule: every metric deploy/grafana/metrics-used.txt gives to session-service (what the dashboards and
 * alerts query) is on /q/metrics once the service has done real work, and no sample is labelled by person.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class DashboardMetricsTest {

    static final String OWNER = "session-service";
    /** Micrometer's Kafka binder looks for new client metrics (a topic's first send) once a minute. */
    static final Duration METRICS_REFRESH = Duration.ofSeconds(90);
    static final Path METRICS_USED = Path.of("../deploy/grafana/metrics-used.txt");
    static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyMetricTheDashboardsQueryIsExportedAndNoSampleNamesAPerson() throws IOException {
        List<String> wanted = metricsOwnedBy(OWNER);
        assertThat(wanted).contains("limber_session_pain_stops_total", "http_server_requests_seconds_bucket");
        String user = newUser();
        Instant start = today().minusDays(1).atTime(20, 0).atZone(ZONE).toInstant();

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            // a plan, then a pain-stop for it (consumer, adherence outbox and its sends) ...
            kafka.send("plans", user, plan(user, today().minusDays(2)));
            await().atMost(WAIT).untilAsserted(() ->
                    given().get("/users/{u}/adherence", user).then().statusCode(200));
            kafka.send("session-events", user, painStopped(user, "s-1", start, 5, true));
            await().atMost(WAIT).untilAsserted(() -> given().get("/users/{u}/adherence", user).then()
                    .statusCode(200).body("pain.painStops7", equalTo(1)));
            kafka.awaitRecord("adherence", r -> user.equals(r.key()), WAIT);
            // ... and one that is not an event (the DLQ producer's sends)
            kafka.send("session-events", user, "{not json");
            kafka.awaitRecord("session-events.dlq", r -> user.equals(r.key()), WAIT);
        }

        await().atMost(METRICS_REFRESH).untilAsserted(() ->
                assertThat(missing(wanted, scrape())).as("listed for %s but not exported; exported: %s", OWNER,
                        names(scrape())).isEmpty());
        assertThat(labelSets(scrape())).as("labels naming the test's person").noneMatch(l -> l.contains(user));
    }

    static List<String> metricsOwnedBy(String owner) throws IOException {
        return Files.readAllLines(METRICS_USED).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+"))
                .filter(f -> f.length == 2 && f[0].equals(owner))
                .map(f -> f[1])
                .toList();
    }

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The names with no sample: a sample line is the name followed by its labels or a space. */
    static List<String> missing(List<String> names, String exposition) {
        List<String> samples = exposition.lines().filter(l -> !l.startsWith("#")).toList();
        return names.stream()
                .filter(n -> samples.stream().noneMatch(l -> l.startsWith(n + "{") || l.startsWith(n + " ")))
                .toList();
    }

    /** The sample names, for a failure message. */
    static java.util.Set<String> names(String exposition) {
        return exposition.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The label part ({...}) of every sample. */
    static List<String> labelSets(String exposition) {
        return exposition.lines()
                .filter(l -> !l.startsWith("#") && l.indexOf('{') >= 0 && l.lastIndexOf('}') > l.indexOf('{'))
                .map(l -> l.substring(l.indexOf('{'), l.lastIndexOf('}') + 1))
                .toList();
    }
}
