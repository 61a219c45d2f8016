package io.limber.reminder;

import static io.limber.reminder.support.Callers.asClinician;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.local.testing.MetricsExposition;
import io.limber.reminder.support.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's rule: every metric deploy/grafana/metrics-used.txt gives to reminder-service (what the dashboards and
 * alerts query) is on /q/metrics once the service has done real work, and no sample is labelled by person.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class DashboardMetricsTest {

    @InjectKafka
    KafkaTestClient kafka;

    static final String OWNER = "reminder-service";
    /** Micrometer's Kafka binder looks for new client metrics (a topic's first send) once a minute. */
    static final Duration METRICS_REFRESH = Duration.ofSeconds(90);
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Health and metrics live on the management port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void everyMetricTheDashboardsQueryIsExportedAndNoSampleNamesAPerson() {
        List<String> wanted = MetricsExposition.metricsOwnedBy(MetricsExposition.METRICS_USED, OWNER);
        assertThat(wanted).contains("limber_scheduler_lag_seconds_max", "http_server_requests_seconds_bucket");
        String user = "user-" + UUID.randomUUID();
        double plansBefore = processedPlans(scrape());

        // a plan (the consumer's metrics) and a record that is not one (the DLQ producer's sends)
        kafka.send("plans", user, TestEvents.plan(user, 1, "active", "20:30"));
        kafka.send("plans", user, "{not json");
        kafka.awaitRecord("plans.dlq", r -> user.equals(r.key()), WAIT);
        await().atMost(WAIT).until(() -> processedPlans(scrape()) > plansBefore);
        asClinician().get("/users/{u}/next", user).then().statusCode(org.hamcrest.Matchers.lessThan(500)); // an HTTP timer

        await().atMost(METRICS_REFRESH).untilAsserted(() ->
                assertThat(MetricsExposition.of(scrape()).missing(wanted)).as("listed for %s but not exported; exported: %s",
                        OWNER, MetricsExposition.of(scrape()).names()).isEmpty());
        assertThat(MetricsExposition.of(scrape()).labelSets()).as("labels naming the test's person")
                .noneMatch(l -> l.contains(user));
    }

    static double processedPlans(String exposition) {
        return exposition.lines()
                .filter(l -> l.startsWith("limber_events_consumed_total{")
                        && l.contains("outcome=\"processed\"") && l.contains("topic=\"plans\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    String scrape() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }
}
