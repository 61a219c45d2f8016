package io.limber.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Health and metrics answer on the management port without a token, and not on the API port. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class ServiceHealthAndMetricsTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void readinessShowsTheKafkaChannelsAndTheDatabaseUp() {
        given().when().get(readiness)
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.session-events",
                        equalTo("[OK]"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.plans",
                        equalTo("[OK]"));
    }

    @Test
    void metricsExportTheServicesOwnMeterInPrometheusFormat() {
        given().when().get(metrics)
                .then().statusCode(200)
                .body(containsString("limber_session_events_accepted_total"))
                .body(containsString("limber_session_events_consumed_total"))
                .body(containsString("limber_session_event_to_state_seconds_bucket"))
                .body(containsString("limber_adherence_recomputations_total"))
                .body(containsString("limber_cohort_people"))
                .body(containsString("limber_session_sessions_total"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
    }

    @Test
    void healthAndMetricsAreNotServedOnTheApiPort() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void openApiDescribesTheRestApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/adherence"))
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/sessions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/cohort/adherence"))
                .body("paths", org.hamcrest.Matchers.hasKey("/events"));
    }
}
