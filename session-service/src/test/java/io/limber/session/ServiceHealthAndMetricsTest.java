package io.limber.session;

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
        initArgs = @ResourceArg(name = "database", value = "session"))
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
                        equalTo("[OK]"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.plans",
                        equalTo("[OK]"));
    }

    @Test
    void metricsExportTheServicesOwnMeterInPrometheusFormat() {
        given().when().get("/q/metrics")
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
    void openApiDescribesTheRestApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/adherence"))
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/sessions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/cohort/adherence"))
                .body("paths", org.hamcrest.Matchers.hasKey("/events"));
    }
}
