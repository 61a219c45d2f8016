package io.limber.session;

import static io.limber.session.TestEvents.ZONE;
import static io.limber.session.TestEvents.newUser;
import static io.limber.session.TestEvents.painStopped;
import static io.limber.session.TestEvents.plan;
import static io.limber.session.TestEvents.today;
import static io.limber.local.testing.TestTokens.clinician;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.local.testing.MetricsExposition;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's rule: every metric deploy/grafana/metrics-used.txt gives to session-service (what the dashboards and
 * alerts query) is on /q/metrics once the service has done real work, and no sample is labelled by person.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class DashboardMetricsTest {

    @InjectKafka
    KafkaTestClient kafka;

    static final String OWNER = "session-service";
    /** Micrometer's Kafka binder looks for new client metrics (a topic's first send) once a minute. */
    static final Duration METRICS_REFRESH = Duration.ofSeconds(90);
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Metrics are on the management port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void everyMetricTheDashboardsQueryIsExportedAndNoSampleNamesAPerson() {
        List<String> wanted = MetricsExposition.metricsOwnedBy(MetricsExposition.METRICS_USED, OWNER);
        assertThat(wanted).contains("limber_session_pain_stops_total", "http_server_requests_seconds_bucket");
        String user = newUser();
        Instant start = today().minusDays(1).atTime(20, 0).atZone(ZONE).toInstant();

        // a plan, then a pain-stop for it (consumer, adherence outbox and its sends) ...
        kafka.send("plans", user, plan(user, today().minusDays(2)));
        await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(clinician()).get("/users/{u}/adherence", user).then().statusCode(200));
        kafka.send("session-events", user, painStopped(user, "s-1", start, 5, true));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(clinician()).get("/users/{u}/adherence", user).then()
                .statusCode(200).body("pain.painStops7", equalTo(1)));
        kafka.awaitRecord("adherence", r -> user.equals(r.key()), WAIT);
        // ... and one that is not an event (the DLQ producer's sends)
        kafka.send("session-events", user, "{not json");
        kafka.awaitRecord("session-events.dlq", r -> user.equals(r.key()), WAIT);

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
