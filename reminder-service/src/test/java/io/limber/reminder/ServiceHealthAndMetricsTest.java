package io.limber.reminder;

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
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class ServiceHealthAndMetricsTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void healthAndMetricsAreNotServedOnTheApiPort() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
    }

    @Test
    void theApiNeedsATokenButOpenApiDoesNot() {
        given().when().get("/users/{id}/nudges", "someone").then().statusCode(401);
        given().when().get("/q/openapi?format=json").then().statusCode(200);
    }

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
                        equalTo("[OK]"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.adherence",
                        equalTo("[OK]"));
    }

    @Test
    void metricsExportTheServicesOwnMetersInPrometheusFormatNeverLabelledByPerson() {
        given().when().get(metrics)
                .then().statusCode(200)
                .body(containsString("limber_nudges_published_total{kind=\"safety\"}"))
                .body(containsString("limber_nudges_published_total{kind=\"reminder\"}"))
                .body(containsString("limber_nudges_suppressed_total{kind=\"follow-up\",reason=\"quiet-hours\"}"))
                .body(containsString("limber_nudges_suppressed_total{kind=\"reminder\",reason=\"safety-pause\"}"))
                .body(containsString("limber_events_consumed_total{outcome=\"dead-lettered\",topic=\"session-events\"}"))
                .body(containsString("limber_outbox_pending"))
                .body(containsString("limber_care_reviews_raised_total{reason=\"red-flag\"}"))
                .body(containsString("limber_scheduler_lag_seconds_bucket"))
                .body(containsString("limber_safety_nudge_latency_seconds_bucket{le=\"1.0\"}"))
                .body(containsString("limber_safety_nudge_latency_seconds_bucket{le=\"120.0\"}"))
                .body(containsString("limber_outbox_oldest_age_seconds"))
                // no label named after the person; a templated uri such as /users/{userId}/next is fine
                .body(org.hamcrest.Matchers.not(containsString("userId=")))
                .body(org.hamcrest.Matchers.not(containsString("user_id=")));
    }

    @Test
    void openApiDescribesTheRestApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/nudges"))
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/next"))
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/preferences"));
    }
}
