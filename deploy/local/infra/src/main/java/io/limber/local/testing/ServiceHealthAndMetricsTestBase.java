package io.limber.local.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service's health and metrics do alike: health and metrics answer on the management port without a
 * token and not on the API port; readiness shows the database and each Kafka channel up; the service's own meters are
 * exported in Prometheus format, never labelled by person; the API needs a token and the OpenAPI document does not.
 * A service's {@code ServiceHealthAndMetricsTest} extends it (with {@code @QuarkusTest} and its test resource) and
 * names its channels, meters, a protected path and its API's paths.
 */
public abstract class ServiceHealthAndMetricsTestBase {

    private static final String MESSAGING_CHECK = "SmallRye Reactive Messaging - readiness check";

    @TestHTTPResource(value = "/health/ready", management = true)
    protected URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    protected URL metrics;

    /** The incoming Kafka channels the readiness check must show OK. */
    protected abstract List<String> kafkaChannels();

    /** Text each of the service's own meters shows in the exposition, e.g. {@code limber_outbox_pending }. */
    protected abstract List<String> ownMeters();

    /** A path of the API (with its user id filled in) that answers 401 without a token. */
    protected abstract String aProtectedPath();

    /** Paths the OpenAPI document must describe, as written there, e.g. {@code /users/{userId}/plan}. */
    protected abstract List<String> apiPaths();

    @Test
    void readinessShowsTheKafkaChannelsAndTheDatabaseUp() {
        ValidatableResponse ready = given().when().get(readiness)
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(MESSAGING_CHECK))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
        for (String channel : kafkaChannels()) {
            ready.body("checks.find { it.name == '" + MESSAGING_CHECK + "' }.data.'" + channel + "'", equalTo("[OK]"));
        }
    }

    @Test
    void metricsExportTheServicesOwnMetersInPrometheusFormatNeverLabelledByPerson() {
        ValidatableResponse exposition = given().when().get(metrics).then().statusCode(200);
        for (String meter : ownMeters()) {
            exposition.body(containsString(meter));
        }
        // no label named after the person; a templated uri such as /users/{userId}/next is fine
        exposition.body(not(containsString("userId="))).body(not(containsString("user_id=")));
    }

    @Test
    void healthAndMetricsAreNotServedOnTheApiPort() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
    }

    @Test
    void theApiNeedsATokenButOpenApiDoesNot() {
        given().when().get(aProtectedPath()).then().statusCode(401);
        given().when().get("/q/openapi?format=json").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheRestApi() {
        ValidatableResponse document = given().when().get("/q/openapi?format=json").then().statusCode(200);
        for (String path : apiPaths()) {
            document.body("paths", hasKey(path));
        }
    }
}
