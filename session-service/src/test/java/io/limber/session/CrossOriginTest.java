package io.limber.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * CORS only from the configured app origins (LIMBER_APP_ORIGINS; in tests the local web app's): a browser's preflight
 * from the app gets that origin allowed with the headers the app sends, one from any other origin gets no allow header.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class CrossOriginTest {

    static final String APP = "http://127.0.0.1:8090";
    static final String PATH = "/events";

    @Test
    void aPreflightFromTheAppsOriginIsAllowedForThatOriginWithTheAppsHeaders() {
        for (String origin : new String[] {APP, "http://localhost:8090"}) {
            given().header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .options(PATH)
                    .then().statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo(origin))
                    .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
                    .header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-type"))
                    .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"));
        }
    }

    @Test
    void aPreflightFromAnyOtherOriginGetsNoAllowHeader() {
        for (String origin : new String[] {"https://evil.example", "http://127.0.0.1:8091", "null"}) {
            given().header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization")
                    .options(PATH)
                    .then()
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Credentials", nullValue());
        }
    }

    @Test
    void aBinaryModeEventsCloudEventHeadersMayBeSentFromTheApp() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,ce-specversion,ce-id,ce-source,ce-type,ce-time")
                .options(PATH)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(APP))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("ce-specversion"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("ce-source"));
    }
}
