package io.limber.reminder.safety;

import static io.limber.reminder.support.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.limber.local.testing.CloudEventForms;
import io.limber.local.testing.CloudEventForms.Form;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.reminder.support.Database;
import io.limber.reminder.support.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pain-safety path for every form in which the contract lets a client put a pain event on {@code session-events}
 * (structured with its content-type header, binary with ce_* headers, structured without headers): the form never
 * changes what happens. Binary mode once got no safety message, no emergency message and no care review.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class PainEventFormsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @InjectKafka
    KafkaTestClient kafka;
    Database db;

    @BeforeEach
    void connect() {
        db = new Database(pool);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aSharpPainStopGetsTheSafetyMessageAndA48HourPauseInEveryForm(Form form) {
        String user = "user-sharp-" + form.name().toLowerCase();
        Instant at = now();
        send(user, TestEvents.painStop("sharp-" + form, user, 8, true, List.of(), at), form);

        ConsumerRecord<String, String> nudge = kafka.awaitRecord("nudges", r -> user.equals(r.key()), WAIT);
        assertThat(json(nudge.value()).path("data").path("kind").asText()).isEqualTo("safety");
        assertThat(json(nudge.value()).path("id").asText()).isEqualTo(user + ":safety:sharp-" + form);
        await().atMost(WAIT).untilAsserted(() -> assertThat(pauseUntil(user)).isEqualTo(at.plus(Duration.ofHours(48))));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aRedFlagGetsTheEmergencyMessageAndAnUrgentCareReviewInEveryForm(Form form) {
        String user = "user-red-" + form.name().toLowerCase();
        Instant at = now();
        send(user, TestEvents.painStop("red-" + form, user, 4, false, List.of("saddle-numbness"), at), form);

        ConsumerRecord<String, String> nudge = kafka.awaitRecord("nudges", r -> user.equals(r.key()), WAIT);
        assertThat(json(nudge.value()).path("data").path("kind").asText()).isEqualTo("emergency");
        ConsumerRecord<String, String> review = kafka.awaitRecord("care-reviews", r -> user.equals(r.key()), WAIT);
        assertThat(json(review.value()).path("data").path("urgent").asBoolean()).isTrue();
        assertThat(json(review.value()).path("data").path("reason").asText()).isEqualTo("red-flag");
        // the pause is the shared rule's: a red flag starts it whatever the pain
        await().atMost(WAIT).untilAsserted(() -> assertThat(pauseUntil(user)).isEqualTo(at.plus(Duration.ofHours(48))));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void painReportedNotSettledRaisesACareReviewInEveryForm(Form form) {
        String user = "user-unsettled-" + form.name().toLowerCase();
        send(user, TestEvents.painReported("unsettled-" + form, user, false, null, now()), form);

        ConsumerRecord<String, String> review = kafka.awaitRecord("care-reviews", r -> user.equals(r.key()), WAIT);
        assertThat(json(review.value()).path("data").path("reason").asText()).isEqualTo("not-settled");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void painReportedAtSevenStartsTheSafetyPauseAsInSessionService(Form form) {
        String user = "user-report7-" + form.name().toLowerCase();
        Instant at = now();
        send(user, TestEvents.painReported("report7-" + form, user, 7, true, at), form);

        await().atMost(WAIT).untilAsserted(() -> assertThat(pauseUntil(user)).isEqualTo(at.plus(Duration.ofHours(48))));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aPainStopDatedBeyondTheClockSkewAllowanceIsDeadLetteredCountedAndChangesNothing(Form form) {
        String user = "user-future-" + form.name().toLowerCase();
        double before = unanswered("session-events", "refused");
        send(user, TestEvents.painStop("future-" + form, user, 9, true, List.of(),
                Instant.parse("9999-12-31T23:59:59Z")), form);

        ConsumerRecord<String, String> dead = kafka.awaitRecord("session-events.dlq", r -> user.equals(r.key()), WAIT);
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("$.time").doesNotContain(user);
        await().atMost(WAIT).until(() -> unanswered("session-events", "refused") >= before + 1);
        assertThat(db.query("SELECT 1 FROM person WHERE user_id = $1", user)).isEmpty();
        assertThat(db.query("SELECT 1 FROM pain_stop WHERE user_id = $1", user)).isEmpty();
        assertThat(kafka.readAll("nudges")).noneMatch(r -> user.equals(r.key()));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aPainStopWithAUserIdOutsideTheSharedSyntaxIsDeadLetteredNamingTheField(Form form) {
        String user = "user with spaces " + form.name().toLowerCase();
        send(user, TestEvents.painStop("badid-" + form, user, 9, true, List.of(), now()), form);

        ConsumerRecord<String, String> dead = kafka.awaitRecord("session-events.dlq", r -> user.equals(r.key()), WAIT);
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("$.data.userId").doesNotContain(user);
        assertThat(db.query("SELECT 1 FROM pain_stop WHERE user_id = $1", user)).isEmpty();
    }

    private void send(String key, String structuredJson, Form form) {
        kafka.send(CloudEventForms.record("session-events", key, structuredJson, form));
    }

    private Instant pauseUntil(String user) {
        var rows = db.query("SELECT pause_until FROM person WHERE user_id = $1", user);
        return rows.isEmpty() || rows.get(0).getOffsetDateTime("pause_until") == null ? null
                : rows.get(0).getOffsetDateTime("pause_until").toInstant();
    }

    private double unanswered(String channel, String reason) {
        var counter = registry.find("limber.pain.events.unanswered").tag("channel", channel).tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
