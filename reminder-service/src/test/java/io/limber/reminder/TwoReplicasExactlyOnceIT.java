package io.limber.reminder;

import static io.limber.reminder.support.TestEvents.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.limber.local.Ports;
import io.limber.local.testing.KafkaTestClient;
import io.limber.reminder.support.SharedInfraResource;
import io.limber.reminder.support.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service (the one Quarkus starts, and a second process started here) against one
 * broker and one database: every nudge id appears once on {@code nudges}, with redelivered input and with both
 * schedulers and both relays racing for the same rows.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SharedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "reminder"))
class TwoReplicasExactlyOnceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private Process replicaB;
    private int portB;
    private int managementPortA;
    private int managementPortB;
    private KafkaTestClient kafka;

    @BeforeEach
    void startSecondReplica() throws Exception {
        Map<String, String> config = SharedInfraResource.config();
        kafka = new KafkaTestClient(config.get("kafka.bootstrap.servers"));
        portB = Ports.free();
        managementPortA = Integer.parseInt(config.get("quarkus.management.port"));
        managementPortB = Ports.free();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
        config.forEach((key, value) -> {
            if (!key.equals("quarkus.management.port")) {
                command.add("-D" + key + "=" + value);
            }
        });
        command.add("-Dquarkus.http.port=" + portB);
        command.add("-Dquarkus.management.port=" + managementPortB);
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        replicaB = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/replica-b.log")).start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> given().port(managementPortB).get("/q/health/ready").then().statusCode(200));
    }

    @AfterEach
    void stopSecondReplica() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (replicaB != null) {
            replicaB.destroy();
            if (!replicaB.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                replicaB.destroyForcibly();
            }
        }
    }

    private static double published(String prometheus) {
        return prometheus.lines().filter(line -> line.startsWith("limber_nudges_published_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void twoReplicasPublishEveryNudgeIdExactlyOnce() throws Exception {
        given().port(managementPortA).get("/q/health/ready").then().statusCode(200);
        Set<String> expected = new HashSet<>();

        // due reminders for 40 people, due now: both schedulers race for them
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection db = DriverManager.getConnection(SharedInfraResource.config().get("quarkus.datasource.jdbc.url"),
                SharedInfraResource.config().get("quarkus.datasource.username"),
                SharedInfraResource.config().get("quarkus.datasource.password"));
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO due_nudge (id, user_id, kind, routine_id, occurrence_date, title, body, planned_at,
                                            due_at, expires_at)
                     VALUES (?, ?, 'reminder', 'lower-back-stretches', ?, 'Time for your stretches', 'Five stretches',
                             ?, ?, ?)""")) {
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            for (int i = 0; i < 40; i++) {
                String user = "user-2r-due-" + i;
                String id = user + ":reminder:lower-back-stretches:" + today;
                insert.setString(1, id);
                insert.setString(2, user);
                insert.setObject(3, today);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setTimestamp(5, Timestamp.from(now));
                insert.setTimestamp(6, Timestamp.from(now.plus(Duration.ofHours(3))));
                insert.addBatch();
                expected.add(id);
            }
            insert.executeBatch();
        }

        // sharp pain-stops for 24 people, each delivered twice: the partitions are split between the replicas
        for (int i = 0; i < 24; i++) {
            String user = "user-2r-pain-" + i;
            String stop = TestEvents.painStop("2r-" + i, user, 8, true, List.of(), now);
            kafka.send("session-events", user, stop);
            kafka.send("session-events", user, stop);
            expected.add(user + ":safety:2r-" + i);
        }

        kafka.awaitRecords("nudges", r -> expected.contains(json(r.value()).path("id").asText()), expected.size(),
                WAIT);
        List<ConsumerRecord<String, String>> all = kafka.readAll("nudges");
        Map<String, Long> perId = all.stream().map(r -> json(r.value()).path("id").asText())
                .filter(expected::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(perId).hasSize(expected.size());
        assertThat(perId.values()).containsOnly(1L);
        // both replicas stayed up, and between them counted each publication once
        given().port(managementPortB).get("/q/health/ready").then().statusCode(200);
        given().port(managementPortA).get("/q/health/ready").then().statusCode(200);
        double publishedByA = published(given().port(managementPortA).get("/q/metrics").asString());
        double publishedByB = published(given().port(managementPortB).get("/q/metrics").asString());
        assertThat(publishedByA + publishedByB).as("published by A %s, by B %s", publishedByA, publishedByB)
                .isEqualTo(expected.size());
    }
}
