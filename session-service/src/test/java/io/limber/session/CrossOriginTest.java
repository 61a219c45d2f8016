package io.limber.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;

import io.limber.local.testing.CrossOriginTestBase;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** CORS only from the configured app origins ({@link CrossOriginTestBase}), on /events. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class CrossOriginTest extends CrossOriginTestBase {

    @Override
    protected String path() {
        return "/events";
    }

    @Override
    protected String method() {
        return "POST";
    }

    @Test
    void aBinaryModeEventsCloudEventHeadersMayBeSentFromTheApp() {
        given().header("Origin", APP_ORIGINS.get(0))
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,ce-specversion,ce-id,ce-source,ce-type,ce-time")
                .options(path())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(APP_ORIGINS.get(0)))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("ce-specversion"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("ce-source"));
    }
}
