package io.limber.routine;

import static io.limber.routine.testing.Callers.asClinician;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.ServiceHealthAndMetricsTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health and metrics answer on the management port without a token, and not on the API port. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class ServiceHealthAndMetricsTest extends ServiceHealthAndMetricsTestBase {

    @Override
    protected List<String> kafkaChannels() {
        return List.of("care-reviews");
    }

    @Override
    protected List<String> ownMeters() {
        return List.of("limber_care_reviews_received_total", "limber_care_reviews_open ",
                "limber_plans{status=\"active\"}", "limber_plans{status=\"paused\"}",
                "limber_plan_changes_total{kind=\"created\"}", "limber_plans_published_total{kind=\"plan\"}",
                "limber_plans_published_total{kind=\"tombstone\"}", "limber_outbox_publish_failures_total",
                "limber_outbox_pending ", "limber_outbox_oldest_age_seconds ");
    }

    @Override
    protected String aProtectedPath() {
        return "/routines";
    }

    @Override
    protected List<String> apiPaths() {
        return List.of("/users/{userId}/care-reviews", "/users/{userId}/plan", "/routines",
                "/care-reviews/{reviewId}/close");
    }

    @Test
    void aPlanChangeShowsInTheMetersAndNoMeterIsLabelledByUser() {
        asClinician().contentType(ContentType.JSON).body("""
                {"routines":[{"routineId":"core-strength"}],"schedule":{"timesPerWeek":3},"localTime":"07:00",
                 "timeZone":"Europe/Amsterdam","startDate":"2026-11-02"}""")
                .put("/users/{u}/plan", "metrics-user-1").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String exposition = given().get(metrics).then().statusCode(200).extract().asString();
            assertThat(exposition)
                    .containsPattern("limber_plans\\{status=\"active\"\\} [1-9]")
                    .containsPattern("limber_plans_published_total\\{kind=\"plan\"\\} [1-9]")
                    .containsPattern("limber_plan_changes_total\\{kind=\"created\"\\} [1-9]")
                    .doesNotContain("metrics-user-1")
                    .doesNotContainPattern("limber_[a-z_]+\\{[^}]*user");
        });
    }

    @Test
    void openApiShowsAnExamplePlan() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/users/{userId}/plan'.put.requestBody.content.'application/json'.examples",
                        notNullValue());
    }
}
