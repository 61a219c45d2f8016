package io.limber.routine.erasure;

import static io.limber.routine.testing.Callers.asClinician;
import static io.limber.routine.testing.Callers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.routine.testing.Database;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class ErasureResourceTest {

    @InjectKafka
    KafkaTestClient kafka;

    @Test
    void deletingAUserRemovesTheirPlansAndPublishesATombstoneAfterTheirLastPlan() {
        String user = "erase-me-1";
        asClinician().contentType(ContentType.JSON).body("""
                {"routines":[{"routineId":"core-strength"}],"schedule":{"timesPerWeek":3},"localTime":"07:00",
                 "timeZone":"Europe/Amsterdam","startDate":"2026-11-02"}""")
                .put("/users/{u}/plan", user).then().statusCode(201);
        kafka.awaitRecord("plans", r -> user.equals(r.key()), Duration.ofSeconds(30));

        asAdmin().delete("/users/{u}", user).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords("plans", r -> user.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(records.get(0).value()).contains("limber.plan.published");
        assertThat(records.get(1).value()).as("tombstone").isNull();
        asClinician().get("/users/{u}/plan", user).then().statusCode(404);
        asClinician().get("/users/{u}/plan/history", user).then().statusCode(404);
        assertThat(Database.count("SELECT count(*) FROM plan_history WHERE user_id = ?", user)).isZero();
        assertThat(Database.count("SELECT count(*) FROM care_review WHERE user_id = ?", user)).isZero();
    }

    @Test
    void erasingSomeoneUnknownStillPublishesATombstoneSoConsumersForgetThemToo() {
        asAdmin().delete("/users/{u}", "never-planned").then().statusCode(204);
        ConsumerRecord<String, String> tombstone = kafka.awaitRecord("plans", r -> "never-planned".equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(tombstone.value()).isNull();
    }
}
