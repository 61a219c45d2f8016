package io.limber.reminder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class ServiceHealthAndMetricsTest {

    @Test
    void readinessShowsTheKafkaChannelsAndTheDatabaseUp() {
        given().when().get("/q/health/ready")
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.session-events",
                        equalTo("[OK]"));
    }

    @Test
    void metricsExportTheServicesOwnMeterInPrometheusFormat() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("limber_nudges_published_total"));
    }

    @Test
    void openApiDescribesTheRestApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/nudges"));
    }
}
