package io.limber.routine;

import static io.limber.routine.testing.Callers.asClinician;
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
        initArgs = @ResourceArg(name = "database", value = "routine"))
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
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.care-reviews",
                        equalTo("[OK]"));
    }

    @Test
    void metricsExportTheServicesOwnMetersInPrometheusFormat() {
        given().when().get(metrics)
                .then().statusCode(200)
                .body(containsString("limber_care_reviews_received_total"))
                .body(containsString("limber_care_reviews_open "))
                .body(containsString("limber_plans{status=\"active\"}"))
                .body(containsString("limber_plans{status=\"paused\"}"))
                .body(containsString("limber_plan_changes_total{kind=\"created\"}"))
                .body(containsString("limber_plans_published_total{kind=\"plan\"}"))
                .body(containsString("limber_plans_published_total{kind=\"tombstone\"}"))
                .body(containsString("limber_outbox_publish_failures_total"))
                .body(containsString("limber_outbox_pending "))
                .body(containsString("limber_outbox_oldest_age_seconds "));
    }

    @Test
    void aPlanChangeShowsInTheMetersAndNoMeterIsLabelledByUser() {
        asClinician().contentType(io.restassured.http.ContentType.JSON).body("""
                {"routines":[{"routineId":"core-strength"}],"schedule":{"timesPerWeek":3},"localTime":"07:00",
                 "timeZone":"Europe/Amsterdam","startDate":"2026-11-02"}""")
                .put("/users/{u}/plan", "metrics-user-1").then().statusCode(201);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            String exposition = given().get(metrics).then().statusCode(200).extract().asString();
            org.assertj.core.api.Assertions.assertThat(exposition)
                    .containsPattern("limber_plans\\{status=\"active\"\\} [1-9]")
                    .containsPattern("limber_plans_published_total\\{kind=\"plan\"\\} [1-9]")
                    .containsPattern("limber_plan_changes_total\\{kind=\"created\"\\} [1-9]")
                    .doesNotContain("metrics-user-1")
                    .doesNotContainPattern("limber_[a-z_]+\\{[^}]*user");
        });
    }

    @Test
    void healthAndMetricsAreNotServedOnTheApiPort() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
    }

    @Test
    void theApiNeedsATokenButOpenApiDoesNot() {
        given().when().get("/routines").then().statusCode(401);
        given().when().get("/q/openapi?format=json").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheRestApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/care-reviews"))
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/plan"))
                .body("paths", org.hamcrest.Matchers.hasKey("/routines"))
                .body("paths", org.hamcrest.Matchers.hasKey("/care-reviews/{reviewId}/close"))
                .body("paths.'/users/{userId}/plan'.put.requestBody.content.'application/json'.examples",
                        org.hamcrest.Matchers.notNullValue());
    }
}
