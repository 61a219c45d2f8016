package io.limber.reminder.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.reminder.support.Database;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class PreferencesResourceTest {

    @Inject
    Pool pool;

    @Test
    void quietHoursAndMutedKindsAreStored() {
        given().contentType(ContentType.JSON)
                .body("{\"quietHours\":{\"start\":\"21:30\",\"end\":\"08:00\"},\"mutedKinds\":[\"milestone\",\"lapse\"]}")
                .put("/users/{id}/preferences", "user-pref-1")
                .then().statusCode(200)
                .body("quietHours.start", equalTo("21:30"))
                .body("mutedKinds.size()", equalTo(2));
        Assertions.assertThat(new Database(pool).query("SELECT muted FROM preferences WHERE user_id = $1",
                "user-pref-1")).singleElement().satisfies(r ->
                Assertions.assertThat(r.getString("muted")).isEqualTo("milestone,lapse"));
    }

    @Test
    void safetyKindsCannotBeMutedAndNothingIsStored() {
        for (String kind : new String[] {"safety", "emergency", "check-in"}) {
            given().contentType(ContentType.JSON).body("{\"mutedKinds\":[\"reminder\",\"" + kind + "\"]}")
                    .put("/users/{id}/preferences", "user-pref-2")
                    .then().statusCode(400).body("error", containsString("cannot be muted"));
        }
        Assertions.assertThat(new Database(pool).query("SELECT 1 FROM preferences WHERE user_id = $1",
                "user-pref-2")).isEmpty();
    }

    @Test
    void badTimesUnknownKindsAndAMissingBodyAreClear400s() {
        given().contentType(ContentType.JSON).body("{\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\"}}")
                .put("/users/{id}/preferences", "user-pref-3")
                .then().statusCode(400).body("error", containsString("local times"));
        given().contentType(ContentType.JSON).body("{\"mutedKinds\":[\"spam\"]}")
                .put("/users/{id}/preferences", "user-pref-3")
                .then().statusCode(400).body("error", containsString("unknown kinds"));
        given().contentType(ContentType.JSON).put("/users/{id}/preferences", "user-pref-3")
                .then().statusCode(400);
    }

    @Test
    void aPersonWithoutAPlanHasNoNextReminderAndNoHistory() {
        given().get("/users/{id}/next", "user-pref-4").then().statusCode(404).body("error", equalTo("no reminder planned"));
        given().get("/users/{id}/nudges", "user-pref-4").then().statusCode(200).body("size()", equalTo(0));
    }
}
