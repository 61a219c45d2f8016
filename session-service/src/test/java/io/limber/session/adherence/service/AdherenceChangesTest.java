package io.limber.session.adherence.service;

import static io.limber.local.testing.TestTokens.clinician;
import static io.limber.session.TestEvents.ZONE;
import static io.limber.session.TestEvents.completed;
import static io.limber.session.TestEvents.json;
import static io.limber.session.TestEvents.newUser;
import static io.limber.session.TestEvents.painStopped;
import static io.limber.session.TestEvents.plan;
import static io.limber.session.TestEvents.started;
import static io.limber.session.TestEvents.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.session.adherence.Activity;
import io.limber.session.adherence.AdherenceCalculator;
import io.limber.session.TestDatabase;
import io.limber.session.adherence.PlanVersion;
import io.limber.session.contract.ActivityMapper;
import io.limber.session.contract.AdherenceUpdated;
import io.limber.session.contract.PlanMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one write path, end to end over Kafka and PostgreSQL: what a person's adherence shows after events that use
 * the stored checkpoint, and after late ones that reach back into it, equals the full calculation over everything
 * sent (the reference, computed here from the same events).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class AdherenceChangesTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @InjectKafka
    KafkaTestClient kafka;

    /** Metrics are on the management port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private final List<Activity> sent = new ArrayList<>();

    @Test
    void recomputesFromTheCheckpointEqualTheFullCalculationAndALateEventRollsTheCheckpointBack() throws Exception {
        String user = newUser();
        String planEvent = plan(user, today().minusDays(70));
        PlanVersion version = PlanMapper.toPlanVersion(json(planEvent));
        kafka.send("plans", user, planEvent);
        // 70 days: two done, one missed, a sharp pain-stop 45 days ago (its 48 h pause excuses two days)
        for (int daysAgo = 70; daysAgo >= 1; daysAgo--) {
            Instant evening = evening(daysAgo);
            if (daysAgo == 45) {
                send(user, painStopped(user, "s-" + daysAgo, evening, 8, true));
            } else if (daysAgo % 3 != 0) {
                send(user, started(user, "s-" + daysAgo, evening));
                send(user, completed(user, "s-" + daysAgo, evening));
            }
        }
        awaitTheFullCalculation(user, version);
        LocalDate checkpoint = storedCheckpointDay(user);
        assertThat(checkpoint).as("the newest checkpoint closes the days before the 28-day window")
                .isEqualTo(today().minusDays(28));
        assertThat(storedCheckpointDays(user)).as("a link 28 days into the plan, then the newest")
                .containsExactly(today().minusDays(43), today().minusDays(28));

        // a late event after the checkpoint's day: the recompute starts from the checkpoint
        double wholeHistories = recomputationsFromTheStart();
        send(user, completed(user, "s-late-3", evening(3)));
        awaitTheFullCalculation(user, version);
        assertThat(storedCheckpointDay(user)).isEqualTo(checkpoint);
        assertThat(recomputationsFromTheStart()).isEqualTo(wholeHistories);

        // a late event 33 days ago, inside the newest checkpoint's days but after the link 43 days ago (28 days
        // into the plan): the recompute goes back to that link, not to the plan's start
        send(user, completed(user, "s-late-33", evening(33)));
        awaitTheFullCalculation(user, version);
        assertThat(storedCheckpointDay(user)).isEqualTo(checkpoint);
        assertThat(recomputationsFromTheStart()).isEqualTo(wholeHistories);

        // a late event 51 days ago, before every checkpoint: it rewrites the streak and habit strength behind them
        send(user, completed(user, "s-late-51", evening(51)));
        awaitTheFullCalculation(user, version);
        assertThat(storedCheckpointDay(user)).isEqualTo(checkpoint);
        assertThat(recomputationsFromTheStart()).isEqualTo(wholeHistories + 1);
    }

    /** Tests run one at a time; other tests' people recompute from their checkpoints at day end (not counted). */
    private double recomputationsFromTheStart() {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith("limber_adherence_recomputations_from_start_total "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
    }

    private static Instant evening(int daysAgo) {
        return today().minusDays(daysAgo).atTime(20, 0).atZone(ZONE).toInstant();
    }

    private void send(String user, String event) {
        sent.add(ActivityMapper.toActivity(json(event)));
        kafka.send("session-events", user, event);
    }

    /** Until the person's snapshot is the one the full calculation over every sent event gives, field by field. */
    private void awaitTheFullCalculation(String user, PlanVersion version) {
        await().atMost(WAIT).untilAsserted(() -> {
            AdherenceUpdated.Data expected = AdherenceUpdated.Data.of(user,
                    AdherenceCalculator.calculate(List.of(version), sent, Instant.now()));
            String body = given().auth().oauth2(clinician()).get("/users/" + user + "/adherence").then()
                    .statusCode(200).extract().asString();
            assertThat(MAPPER.readValue(body, AdherenceUpdated.Data.class)).isEqualTo(expected);
        });
    }

    private List<LocalDate> storedCheckpointDays(String user) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement("SELECT c ->> 'closedThrough' FROM person,"
                     + " jsonb_array_elements(checkpoint::jsonb) AS c WHERE user_id = ?")) {
            query.setString(1, user);
            List<LocalDate> days = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    days.add(LocalDate.parse(row.getString(1)));
                }
            }
            return days;
        }
    }

    private LocalDate storedCheckpointDay(String user) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement(
                     "SELECT checkpoint::jsonb -> -1 ->> 'closedThrough' FROM person WHERE user_id = ?")) {
            query.setString(1, user);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return LocalDate.parse(row.getString(1));
            }
        }
    }
}
