package io.limber.reminder.rest;

import static io.limber.reminder.support.Callers.asClinician;
import static io.limber.reminder.support.Callers.asPatient;
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
        asPatient("user-pref-1").contentType(ContentType.JSON)
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
            asPatient("user-pref-2").contentType(ContentType.JSON).body("{\"mutedKinds\":[\"reminder\",\"" + kind + "\"]}")
                    .put("/users/{id}/preferences", "user-pref-2")
                    .then().statusCode(400).body("error", containsString("cannot be muted"));
        }
        Assertions.assertThat(new Database(pool).query("SELECT 1 FROM preferences WHERE user_id = $1",
                "user-pref-2")).isEmpty();
    }

    @Test
    void badTimesUnknownKindsAndAMissingBodyAreClear400s() {
        asPatient("user-pref-3").contentType(ContentType.JSON).body("{\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\"}}")
                .put("/users/{id}/preferences", "user-pref-3")
                .then().statusCode(400).body("error", containsString("local times"));
        asPatient("user-pref-3").contentType(ContentType.JSON).body("{\"mutedKinds\":[\"spam\"]}")
                .put("/users/{id}/preferences", "user-pref-3")
                .then().statusCode(400).body("error", containsString("unknown kinds"));
        asPatient("user-pref-3").contentType(ContentType.JSON).put("/users/{id}/preferences", "user-pref-3")
                .then().statusCode(400);
    }

    @Test
    void aBodyThatNamesAFieldTwiceIsA400AndNothingIsStored() {
        // platform/runtime's StrictRestJson: without it the second mutedKinds would silently win
        asPatient("user-pref-7").contentType(ContentType.JSON)
                .body("{\"mutedKinds\":[\"milestone\"],\"mutedKinds\":[\"lapse\"]}")
                .put("/users/{id}/preferences", "user-pref-7")
                .then().statusCode(400);
        Assertions.assertThat(new Database(pool).query("SELECT 1 FROM preferences WHERE user_id = $1",
                "user-pref-7")).isEmpty();
    }

    @Test
    void thePersonAndClinicansReadWhatWasStoredAndNothingStoredReadsAsDefaults() {
        asPatient("user-pref-5").contentType(ContentType.JSON)
                .body("{\"quietHours\":{\"start\":\"21:00\",\"end\":\"06:30\"},\"mutedKinds\":[\"progression\"]}")
                .put("/users/{id}/preferences", "user-pref-5").then().statusCode(200);
        asPatient("user-pref-5").get("/users/{id}/preferences", "user-pref-5").then().statusCode(200)
                .body("quietHours.start", equalTo("21:00")).body("quietHours.end", equalTo("06:30"))
                .body("mutedKinds", org.hamcrest.Matchers.contains("progression"));
        asClinician().get("/users/{id}/preferences", "user-pref-5").then().statusCode(200)
                .body("mutedKinds", org.hamcrest.Matchers.contains("progression"));
        asPatient("user-pref-6").get("/users/{id}/preferences", "user-pref-6").then().statusCode(200)
                .body("quietHours", org.hamcrest.Matchers.nullValue()).body("mutedKinds.size()", equalTo(0));
    }

    @Test
    void anIdNoPersonCanHaveIsA400AndNothingIsStored() {
        asClinician().get("/users/{id}/nudges", "a".repeat(129)).then().statusCode(400)
                .body("error", containsString("userId"));
        asClinician().get("/users/{id}/next", "-starts-with-a-dash").then().statusCode(400);
        String odd = "a b";
        asPatient(odd).contentType(ContentType.JSON).body("{\"mutedKinds\":[]}").put("/users/{id}/preferences", odd)
                .then().statusCode(400).body("error", containsString("userId"));
        Assertions.assertThat(new Database(pool).query("SELECT 1 FROM preferences WHERE user_id = $1", odd)).isEmpty();
    }

    @Test
    void aPersonWithoutAPlanHasNoNextReminderAndNoHistory() {
        asClinician().get("/users/{id}/next", "user-pref-4").then().statusCode(404).body("error", equalTo("no reminder planned"));
        asClinician().get("/users/{id}/nudges", "user-pref-4").then().statusCode(200).body("size()", equalTo(0));
    }
}
