package io.limber.routine;

import static io.limber.routine.testing.Callers.asClinician;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.local.testing.MetricsExposition;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's rule: every metric deploy/grafana/metrics-used.txt gives to routine-service (what the dashboards and
 * alerts query) is on /q/metrics once the service has done real work, and no sample is labelled by person.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class DashboardMetricsTest {

    @InjectKafka
    KafkaTestClient kafka;

    static final String OWNER = "routine-service";
    /** Micrometer's Kafka binder looks for new client metrics (a topic's first send) once a minute. */
    static final Duration METRICS_REFRESH = Duration.ofSeconds(90);

    /** Health and metrics live on the management port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void everyMetricTheDashboardsQueryIsExportedAndNoSampleNamesAPerson() {
        List<String> wanted = MetricsExposition.metricsOwnedBy(MetricsExposition.METRICS_USED, OWNER);
        assertThat(wanted).contains("limber_care_reviews_open", "http_server_requests_seconds_bucket");
        String user = "dash-" + UUID.randomUUID();

        // a plan through REST (HTTP timers, the outbox relay's sends on plans) ...
        asClinician().contentType(ContentType.JSON).body("""
                {"routines":[{"routineId":"lower-back-stretches"}],"schedule":{"timesPerWeek":5},"localTime":"20:30",
                 "timeZone":"Europe/Amsterdam","startDate":"2026-11-02"}""").put("/users/{u}/plan", user)
                .then().statusCode(201);
        kafka.awaitRecord("plans", r -> user.equals(r.key()), Duration.ofSeconds(30));
        // ... a care review for that plan (the consumer's metrics) and one that is not (the DLQ producer's)
        kafka.send("care-reviews", user, """
                {"specversion":"1.0","id":"%s","source":"/reminder-service","type":"limber.care-review.requested",
                 "datacontenttype":"application/json",
                 "data":{"userId":"%s","reason":"repeated-pain-stop","urgent":false,"requestedAt":"2026-11-20T08:00:00Z"}}
                """.formatted(UUID.randomUUID(), user));
        kafka.send("care-reviews", user, "{not json");
        kafka.awaitRecord("care-reviews.dlq", r -> user.equals(r.key()), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asClinician().get("/users/{u}/care-reviews", user).then().statusCode(200).body("$", hasSize(1)));

        await().atMost(METRICS_REFRESH).untilAsserted(() ->
                assertThat(MetricsExposition.of(scrape()).missing(wanted)).as("listed for %s but not exported; exported: %s",
                        OWNER, MetricsExposition.of(scrape()).names()).isEmpty());
        assertThat(MetricsExposition.of(scrape()).labelSets()).as("labels naming the test's person")
                .noneMatch(l -> l.contains(user));
    }

    String scrape() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }
}
