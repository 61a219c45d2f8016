package io.limber.local.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CORS only from the configured app origins (LIMBER_APP_ORIGINS; in tests the local web app's, port 8090), alike in
 * every service: a browser's preflight from the app gets that origin allowed with the headers the app sends, one from
 * any other origin gets no allow header. A service's {@code CrossOriginTest} extends it (with {@code @QuarkusTest} and
 * its test resource) and names a path of its API and the method the app calls it with.
 */
public abstract class CrossOriginTestBase {

    /** The local web app's origins, as the services' %dev/%test configuration allows them. */
    public static final List<String> APP_ORIGINS = List.of("http://127.0.0.1:8090", "http://localhost:8090");

    /** A path of the service's API the app calls. */
    protected abstract String path();

    /** The method the app calls it with. */
    protected abstract String method();

    @Test
    void aPreflightFromTheAppsOriginIsAllowedForThatOriginWithTheAppsHeaders() {
        for (String origin : APP_ORIGINS) {
            given().header("Origin", origin)
                    .header("Access-Control-Request-Method", method())
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .options(path())
                    .then().statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo(origin))
                    .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
                    .header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-type"))
                    .header("Access-Control-Allow-Methods", containsStringIgnoringCase(method()));
        }
    }

    @Test
    void aPreflightFromAnyOtherOriginGetsNoAllowHeader() {
        for (String origin : new String[] {"https://evil.example", "http://127.0.0.1:8091", "null"}) {
            given().header("Origin", origin)
                    .header("Access-Control-Request-Method", method())
                    .header("Access-Control-Request-Headers", "authorization")
                    .options(path())
                    .then()
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Credentials", nullValue());
        }
    }
}
