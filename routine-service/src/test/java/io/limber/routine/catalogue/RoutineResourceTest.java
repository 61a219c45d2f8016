package io.limber.routine.catalogue;

import static io.limber.routine.testing.Callers.asClinician;
import static io.limber.routine.testing.Callers.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class RoutineResourceTest {

    @Test
    void theSeededCatalogueServesTheFiveStretchesInOrderAndThePlank() {
        asClinician().get("/routines/lower-back-stretches").then().statusCode(200)
                .body("version", equalTo(1))
                .body("builtIn", equalTo(true))
                .body("exercises.exerciseId", contains("knees-to-chest", "forward-fold", "childs-pose", "crossover",
                        "doorway-hamstring"))
                .body("exercises[2].holds.position", contains("centre", "right", "left"))
                .body("exercises[3].holds.position", contains("right", "left"))
                .body("exercises[4].holds.position", contains("right", "left"))
                .body("exercises[3].cues", hasItem("Turn your head to the right, and keep your arms straight."))
                .body("exercises.easierOptionSource", contains("source", "limber", "source", "limber", "limber"));
        asClinician().get("/routines/core-strength/versions/1").then().statusCode(200)
                .body("exercises[0].holds.seconds", contains(60, 60, 60))
                .body("exercises[0].holds.restSecondsAfter", contains(15, 15, 15))
                .body("exercises[1].repetitions.reps", equalTo(10))
                .body("exercises[0].cues[0]", equalTo("Start on all fours."))
                .body("exercises[0].easierOptionSource", equalTo("source"))
                .body("exercises[1].cuesSource", equalTo("limber"));
        asClinician().get("/routines").then().statusCode(200)
                .body("routineId", hasItem("core-strength"));
    }

    @Test
    void aProfessionalsRoutineIsStoredAsVersionOneAndAChangeAsVersionTwoKeepingTheFirst() {
        String wallSit = """
                {"routineId":"wall-sit","title":"Wall sit","core":true,"caution":"Stop if the pain is sharp.",
                 "exercises":[{"exerciseId":"wall-sit","name":"Wall sit","holds":[{"position":"set-1","seconds":%d}]}]}""";
        asAdmin().contentType(ContentType.JSON).body(wallSit.formatted(30)).post("/routines")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/routines/wall-sit/versions/1"))
                .body("version", equalTo(1));
        asAdmin().contentType(ContentType.JSON).body(wallSit.formatted(45)).post("/routines")
                .then().statusCode(201).body("version", equalTo(2));

        asClinician().get("/routines/wall-sit/versions/1").then().statusCode(200)
                .body("exercises[0].holds[0].seconds", equalTo(30));
        asClinician().get("/routines/wall-sit").then().statusCode(200)
                .body("version", equalTo(2)).body("exercises[0].holds[0].seconds", equalTo(45));
    }

    @Test
    void anInvalidRoutineIsRefusedNamingEachFieldAndNothingIsStored() {
        asAdmin().contentType(ContentType.JSON).body("""
                {"routineId":"too-long","title":"x","caution":"stop",
                 "exercises":[{"exerciseId":"a","name":"A","holds":[{"position":"p","seconds":900}]},
                              {"exerciseId":"a","name":"B","holds":[{"position":"p","seconds":3}]}]}""")
                .post("/routines")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("exercises[0].holds[0].seconds", "exercises[1].exerciseId",
                        "exercises[1].holds[0].seconds"))
                .body("violations[0].reason", equalTo("must be between 5 and 600, was 900"));
        asClinician().get("/routines/too-long").then().statusCode(404).body("violations[0].field", equalTo("routineId"));
    }

    @Test
    void malformedJsonIsRefusedAsSuch() {
        asAdmin().contentType(ContentType.JSON).body("{\"routineId\": ").post("/routines")
                .then().statusCode(400).body("title", equalTo("Malformed JSON")).body("violations[0].field", equalTo("body"));
    }
}
