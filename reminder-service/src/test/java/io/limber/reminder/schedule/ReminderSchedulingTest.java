package io.limber.reminder.schedule;

import static io.limber.reminder.support.TestEvents.json;
import static io.limber.reminder.support.Callers.asClinician;
import static io.limber.reminder.support.Callers.asPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.reminder.nudge.EventSchemas;
import io.limber.reminder.support.Database;
import io.limber.reminder.support.TestEvents;
import io.limber.reminder.time.TestClockProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders planned from plans on the real broker, fired by the scheduler on a clock the test moves. Every person
 * here has the plan-published example's plan: daily stretches in Amsterdam (UTC+1 in November).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class ReminderSchedulingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T11:00:00Z");
    private static final Instant MONDAY_2030_LOCAL = Instant.parse("2026-11-23T19:30:00Z");

    @Inject
    Pool pool;

    @InjectKafka
    KafkaTestClient kafka;
    Database db;

    @BeforeEach
    void connect() {
        db = new Database(pool);
        TestClockProducer.CLOCK.set(MONDAY_NOON);
    }

    @AfterEach
    void disconnect() {
        TestClockProducer.CLOCK.release();
    }

    @Test
    void aPlanGivesAReminderAtItsLocalTimeAndTheFollowUpInQuietHoursIsDropped() {
        String user = "user-sch-1";
        planFor(user, "20:30");
        // active yesterday, so tapering leaves the follow-up alone and quiet hours decide
        kafka.send("session-events", user, TestEvents.sessionStarted(user, Instant.parse("2026-11-22T19:00:00Z")));
        await().atMost(WAIT).until(() -> db.query("SELECT 1 FROM session_day WHERE user_id = $1", user).size() == 1);

        TestClockProducer.CLOCK.set(MONDAY_2030_LOCAL);
        ConsumerRecord<String, String> reminder = kafka.awaitRecord("nudges", r -> user.equals(r.key()), WAIT);
        EventSchemas.assertValid(EventSchemas.nudge(), reminder.value());
        assertThat(json(reminder.value()).path("id").asText())
                .isEqualTo(user + ":reminder:lower-back-stretches:2026-11-23");
        assertThat(json(reminder.value()).path("data").path("expiresAt").asText()).isEqualTo("2026-11-23T23:00:00Z");
        asClinician().get("/users/{id}/next", user).then().statusCode(200)
                .body("occurrenceDate", equalTo("2026-11-24"));

        // the follow-up at 22:00 local falls in quiet hours, and the occurrence's day is over when they end
        TestClockProducer.CLOCK.set(MONDAY_2030_LOCAL.plus(Duration.ofMinutes(90)));
        await().atMost(WAIT).until(() -> db.dueStatus(user + ":follow-up:lower-back-stretches:2026-11-23"),
                status -> status.equals("suppressed:quiet-hours"));
        assertThat(kafka.readAll("nudges").stream().filter(r -> user.equals(r.key()))).hasSize(1);
    }

    @Test
    void aSessionAlreadyStartedThatDayMeansNoReminder() {
        String user = "user-sch-2";
        planFor(user, "20:30");
        kafka.send("session-events", user, TestEvents.sessionStarted(user, Instant.parse("2026-11-23T18:00:00Z")));
        await().atMost(WAIT).until(() -> db.query("SELECT 1 FROM session_day WHERE user_id = $1", user).size() == 1);

        TestClockProducer.CLOCK.set(MONDAY_2030_LOCAL);
        await().atMost(WAIT).until(() -> db.dueStatus(user + ":reminder:lower-back-stretches:2026-11-23"),
                status -> status.equals("suppressed:already-started"));
        asClinician().get("/users/{id}/nudges", user).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void sharpPainStopSuppressesRemindersFor48Hours() {
        String user = "user-sch-3";
        planFor(user, "20:30");
        // Sunday evening, 20:00 local: the pause lasts until Tuesday 20:00 local
        kafka.send("session-events", user, TestEvents.painStop("sch-3-p", user, 5, true, List.of(),
                Instant.parse("2026-11-22T19:00:00Z")));
        kafka.awaitRecord("nudges", r -> user.equals(r.key()) && r.value().contains("\"kind\":\"safety\""), WAIT);

        TestClockProducer.CLOCK.set(MONDAY_2030_LOCAL);
        await().atMost(WAIT).until(() -> db.dueStatus(user + ":reminder:lower-back-stretches:2026-11-23"),
                status -> status.equals("suppressed:safety-pause"));
        asClinician().get("/users/{id}/next", user).then().statusCode(200).body("occurrenceDate", equalTo("2026-11-24"));
        // the Monday-morning check-in was never held back; the reminder never went
        assertThat(kafka.readAll("nudges").stream().filter(r -> user.equals(r.key()))
                .map(r -> json(r.value()).path("data").path("kind").asText()))
                .containsExactlyInAnyOrder("safety", "check-in");
    }

    @Test
    void theCapLetsTheFirstTwoNudgesOfTheDayThroughAndDropsTheThird() {
        String user = "user-sch-4";
        planFor(user, "20:30");
        kafka.send("adherence", user, TestEvents.adherence(user, MONDAY_NOON.minusSeconds(3600), 0.8, 6));
        await().atMost(WAIT).until(() -> db.query("SELECT 1 FROM streak WHERE user_id = $1", user).size() == 1);

        TestClockProducer.CLOCK.set(MONDAY_2030_LOCAL);
        kafka.awaitRecord("nudges", r -> user.equals(r.key()), WAIT); // the reminder: one of two
        // adherence falls below 50 % (lapse) and the streak reaches 7 (milestone): only the first of them fits
        kafka.send("adherence", user, TestEvents.adherence(user, MONDAY_2030_LOCAL.plusSeconds(60), 0.4, 7));
        await().atMost(WAIT).until(() -> db.query("SELECT streak FROM streak WHERE user_id = $1", user).get(0)
                .getInteger("streak") == 7);
        List<String> kinds = kafka.awaitRecords("nudges", r -> user.equals(r.key()), 2, WAIT).stream()
                .map(r -> json(r.value()).path("data").path("kind").asText()).toList();
        assertThat(kinds).containsExactly("reminder", "lapse");
        assertThat(db.query("SELECT kind FROM nudge WHERE user_id = $1", user)).hasSize(2);
    }

    @Test
    void aTombstoneOnPlansErasesThePersonAndCancelsTheirReminders() {
        String user = "user-sch-5";
        planFor(user, "20:30");
        kafka.send("plans", user, null);

        await().atMost(WAIT).untilAsserted(() -> asClinician().get("/users/{id}/next", user).then().statusCode(404));
        assertThat(db.query("SELECT 1 FROM due_nudge WHERE user_id = $1", user)).isEmpty();
        assertThat(db.query("SELECT 1 FROM person WHERE user_id = $1", user)).isEmpty();
        TestClockProducer.CLOCK.set(MONDAY_2030_LOCAL.plus(Duration.ofMinutes(91)));
        asClinician().get("/users/{id}/nudges", user).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void pausingThePlanCancelsFutureRemindersAndANewVersionPlansThemAgain() {
        String user = "user-sch-6";
        planFor(user, "20:30");
        kafka.send("plans", user, TestEvents.plan(user, 4, "paused", "20:30"));
        await().atMost(WAIT).untilAsserted(() -> asClinician().get("/users/{id}/next", user).then().statusCode(404));

        kafka.send("plans", user, TestEvents.plan(user, 5, "active", "07:45"));
        await().atMost(WAIT).untilAsserted(() -> asClinician().get("/users/{id}/next", user).then().statusCode(200)
                .body("occurrenceDate", equalTo("2026-11-24"))
                .body("dueAt", equalTo("2026-11-24T06:45:00Z")));
        // an older version arriving late changes nothing
        kafka.send("plans", user, TestEvents.plan(user, 3, "active", "20:30"));
        kafka.send("plans", user, TestEvents.plan(user, 5, "active", "07:45"));
        asClinician().get("/users/{id}/next", user).then().statusCode(200).body("dueAt", equalTo("2026-11-24T06:45:00Z"));
    }

    @Test
    void aMutedFollowUpIsNotSentButTheRemindersStillAre() {
        String user = "user-sch-7";
        planFor(user, "19:00");
        kafka.send("session-events", user, TestEvents.sessionStarted(user, Instant.parse("2026-11-22T19:00:00Z")));
        await().atMost(WAIT).until(() -> db.query("SELECT 1 FROM session_day WHERE user_id = $1", user).size() == 1);
        asPatient(user).contentType(io.restassured.http.ContentType.JSON).body("{\"mutedKinds\":[\"follow-up\"]}")
                .put("/users/{id}/preferences", user).then().statusCode(200);

        TestClockProducer.CLOCK.set(Instant.parse("2026-11-23T18:00:00Z"));
        kafka.awaitRecord("nudges", r -> user.equals(r.key()), WAIT);
        TestClockProducer.CLOCK.set(Instant.parse("2026-11-23T19:30:00Z"));
        await().atMost(WAIT).until(() -> db.dueStatus(user + ":follow-up:lower-back-stretches:2026-11-23"),
                status -> status.equals("suppressed:muted"));
        assertThat(kafka.readAll("nudges").stream().filter(r -> user.equals(r.key()))).hasSize(1);
    }

    private void planFor(String user, String localTime) {
        kafka.send("plans", user, TestEvents.plan(user, 3, "active", localTime));
        await().atMost(WAIT).untilAsserted(() -> asClinician().get("/users/{id}/next", user).then().statusCode(200)
                .body("occurrenceDate", equalTo("2026-11-23")));
    }
}
