package io.limber.routine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's rule: every metric deploy/grafana/metrics-used.txt gives to routine-service (what the dashboards and
 * alerts query) is on /q/metrics once the service has done real work, and no sample is labelled by person.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class DashboardMetricsTest {

    static final String OWNER = "routine-service";
    /** Micrometer's Kafka binder looks for new client metrics (a topic's first send) once a minute. */
    static final Duration METRICS_REFRESH = Duration.ofSeconds(90);
    static final Path METRICS_USED = Path.of("../deploy/grafana/metrics-used.txt");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyMetricTheDashboardsQueryIsExportedAndNoSampleNamesAPerson() throws IOException {
        List<String> wanted = metricsOwnedBy(OWNER);
        assertThat(wanted).contains("limber_care_reviews_open", "http_server_requests_seconds_bucket");
        String user = "dash-" + UUID.randomUUID();

        // a plan through REST (HTTP timers, the outbox relay's sends on plans) ...
        given().contentType(ContentType.JSON).body("""
                {"routines":[{"routineId":"lower-back-stretches"}],"schedule":{"timesPerWeek":5},"localTime":"20:30",
                 "timeZone":"Europe/Amsterdam","startDate":"2026-11-02"}""").put("/users/{u}/plan", user)
                .then().statusCode(201);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.awaitRecord("plans", r -> user.equals(r.key()), Duration.ofSeconds(30));
            // ... a care review for that plan (the consumer's metrics) and one that is not (the DLQ producer's)
            kafka.send("care-reviews", user, """
                    {"specversion":"1.0","id":"%s","source":"/reminder-service","type":"limber.care-review.requested",
                     "datacontenttype":"application/json",
                     "data":{"userId":"%s","reason":"repeated-pain-stop","urgent":false,"requestedAt":"2026-11-20T08:00:00Z"}}
                    """.formatted(UUID.randomUUID(), user));
            kafka.send("care-reviews", user, "{not json");
            kafka.awaitRecord("care-reviews.dlq", r -> user.equals(r.key()), Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/users/{u}/care-reviews", user).then().statusCode(200).body("$", hasSize(1)));

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
