package io.limber.routine.plan;

import static io.limber.routine.testing.Callers.asClinician;
import static org.assertj.core.api.Assertions.assertThat;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.routine.testing.Database;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class ConcurrentPlanChangesTest {

    @Test
    void simultaneousChangesOfOnePlanEitherWinAVersionOrAreToldToRetryAndNoVersionIsLostOrDoubled() throws Exception {
        String user = "concurrent-1";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 16).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                    asClinician().contentType(ContentType.JSON).body(PlanResourceTest.STRETCHES_THREE_EVENINGS)
                            .put("/users/{u}/plan", user).statusCode(), pool)).toList();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).containsOnly(201, 200, 409).contains(201);
            long won = statuses.stream().filter(s -> s != 409).count();
            List<Integer> versions = asClinician().get("/users/{u}/plan/history", user).then().statusCode(200)
                    .extract().path("version");
            assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(1, (int) won).boxed().toList());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Database.count("SELECT count(*) FROM outbox WHERE record_key = ?", user)).isZero());
        } finally {
            pool.shutdownNow();
        }
    }
}
