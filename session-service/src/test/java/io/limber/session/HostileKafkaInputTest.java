package io.limber.session;

import static io.limber.session.TestEvents.ZONE;
import static io.limber.session.TestEvents.completed;
import static io.limber.session.TestEvents.example;
import static io.limber.session.TestEvents.json;
import static io.limber.session.TestEvents.newUser;
import static io.limber.session.TestEvents.plan;
import static io.limber.session.TestEvents.today;
import static io.limber.local.testing.TestTokens.clinician;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.local.testing.HostileInputs;
import io.limber.local.testing.HostileInputs.Body;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.session.contract.EventSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Over 1,000 generated malformed or hostile records on {@code session-events}: each ends on
 * {@code session-events.dlq} with a reason, nothing is stored, the service stays ready, and a valid event sent after
 * the storm is still processed (its partition, the one every storm record keyed by the person went to, is not stuck).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class HostileKafkaInputTest {

    @InjectKafka
    KafkaTestClient kafka;

    static final long SEED = 20261124L;
    static final String TOPIC = "session-events";
    static final String DLQ = "session-events.dlq";
    static final String RUN_HEADER = "fuzz-run";
    /**
     * Close to the broker's default message size limit (1 MB), leaving room for the dead letter's headers; larger
     * values never reach the topic.
     */
    static final int LARGEST_VALUE_BYTES = 1_000_000;
    /** Where an accepted session event leaves its trace. */
    static final List<String> TABLES = List.of("session_event", "processed_event");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    final HostileInputs inputs = new HostileInputs(SEED);
    final Random random = new Random(SEED);
    final EventSchemas schemas = new EventSchemas();
    final ObjectMapper mapper = new ObjectMapper();
    final String run = UUID.randomUUID().toString();

    /** One record to send, and what kind of hostility it carries (for the report). */
    record Hostile(String kind, byte[] key, byte[] value, List<Header> headers) {
    }

    @Test
    void everyHostileRecordIsDeadLetteredWithAReasonAndNothingIsStored() throws Exception {
        String user = newUser();
        kafka.send("plans", user, plan(user, today().minusDays(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(clinician()).get("/users/{u}/adherence", user).then().statusCode(200));
        Map<String, Long> before = rows();

        List<Hostile> storm = storm(user);
        Map<String, Integer> byKind = new TreeMap<>();
        storm.forEach(h -> byKind.merge(h.kind(), 1, Integer::sum));
        byKind.forEach((kind, n) -> System.out.printf("[hostile Kafka input] %-40s %5d%n", kind, n));
        assertThat(storm).hasSizeGreaterThanOrEqualTo(1_000);
        send(storm);

        List<ConsumerRecord<String, String>> dead = kafka.awaitRecords(DLQ, r -> r.headers().lastHeader(RUN_HEADER)
                != null && run.equals(text(r.headers().lastHeader(RUN_HEADER))), storm.size(), Duration.ofMinutes(3));
        System.out.printf("[hostile Kafka input] sent %d, dead-lettered %d%n", storm.size(), dead.size());
        assertThat(dead).hasSize(storm.size()).allSatisfy(r -> {
            Header reason = r.headers().lastHeader("dead-letter-reason");
            assertThat(reason).as("reason header").isNotNull();
            assertThat(text(reason)).isNotBlank();
        });
        given().get(readiness).then().statusCode(200);
        assertThat(rows()).as("rows after the storm").isEqualTo(before);

        Instant start = today().minusDays(1).atTime(20, 0).atZone(ZONE).toInstant();
        kafka.send(TOPIC, user, completed(user, "after-the-storm", start));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(clinician())
                .get("/users/{u}/sessions", user).then().statusCode(200).body("total", equalTo(1))
                .body("sessions[0].sessionId", equalTo("after-the-storm")));
    }

    private List<Hostile> storm(String user) {
        List<Hostile> storm = new ArrayList<>();
        byte[] key = bytes(user);
        ObjectNode valid = example("session-completed.json", user);

        // structured mode: one field or the whole document made hostile
        for (Body body : inputs.bodies(valid.toString(), 850)) {
            if (isValid(body.json(), user)) {
                continue; // the generator made a valid event: not a hostile record
            }
            storm.add(new Hostile("structured: " + kindOf(body), key, capped(bytes(body.json())), List.of()));
        }
        // binary mode: a valid data body under broken ce_ headers, and hostile data under valid headers
        List<String> attributes = List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time");
        for (int i = 0; i < 120; i++) {
            Map<String, byte[]> headers = binaryHeaders(valid);
            String attribute = attributes.get(random.nextInt(attributes.size()));
            switch (i % 4) {
                case 0 -> headers.remove(attribute.equals("ce_specversion") ? "ce_type" : attribute);
                case 1 -> headers.put(attribute, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
                case 2 -> headers.put(attribute, null);
                default -> headers.put("ce_type", bytes(HostileInputs.INJECTIONS.get(i % HostileInputs.INJECTIONS.size())));
            }
            String data = valid.get("data").toString();
            if (!isValid(structured(headers, data), user)) {
                storm.add(new Hostile("binary: bad ce_ header", key, bytes(data), list(headers)));
            }
        }
        for (Body body : inputs.bodies(valid.get("data").toString(), 100)) {
            if (!isValid(structured(binaryHeaders(valid), body.json()), user)) {
                storm.add(new Hostile("binary: hostile data", key, capped(bytes(body.json())),
                        list(binaryHeaders(valid))));
            }
        }
        // keys that are not the event's person, null keys with broken values, null values, invalid UTF-8, huge values
        for (int i = 0; i < 40; i++) {
            String wrong = switch (i % 4) {
                case 0 -> newUser();
                case 1 -> "";
                case 2 -> HostileInputs.INJECTIONS.get(i % HostileInputs.INJECTIONS.size()) + "x";
                default -> user.toUpperCase();
            };
            storm.add(new Hostile("wrong key", bytes(wrong), bytes(valid.toString()), List.of()));
        }
        for (int i = 0; i < 20; i++) {
            storm.add(new Hostile("null key, truncated value", null,
                    bytes(valid.toString().substring(0, 10 + random.nextInt(200))), List.of()));
        }
        for (int i = 0; i < 20; i++) {
            storm.add(new Hostile("null value", key, null, List.of()));
        }
        for (int i = 0; i < 30; i++) {
            byte[] value = bytes(valid.toString());
            for (int j = 0; j < 1 + random.nextInt(5); j++) {
                value[random.nextInt(value.length)] = (byte) (0x80 + random.nextInt(0x80));
            }
            if (isValid(new String(value, StandardCharsets.UTF_8), user)) {
                continue;
            }
            storm.add(new Hostile("invalid UTF-8 bytes", key, value, List.of()));
        }
        for (int i = 0; i < 5; i++) {
            ObjectNode huge = valid.deepCopy();
            ((ObjectNode) huge.get("data")).put("sessionId", "s".repeat(LARGEST_VALUE_BYTES - 2_000));
            storm.add(new Hostile("huge value (1 MB)", key, bytes(huge.toString()), List.of()));
        }
        return storm;
    }

    /** What the service itself would accept: a valid client event of this person. */
    private boolean isValid(String json, String user) {
        if (json == null) {
            return false;
        }
        try {
            JsonNode event = io.limber.local.testing.CloudEventForms.withNullAttributesUnset(mapper.readTree(json));
            return event != null && schemas.violations(event).isEmpty() && schemas.isClientType(event.get("type").asText())
                    && user.equals(event.get("data").get("userId").asText());
        } catch (Exception e) {
            return false;
        }
    }

    /** The event a binary-mode record stands for, as the consumer puts it together; null when it cannot be. */
    private String structured(Map<String, byte[]> headers, String data) {
        if (!headers.containsKey("ce_specversion")) {
            return data;
        }
        try {
            ObjectNode event = mapper.createObjectNode();
            headers.forEach((name, value) -> event.put(name.substring(3),
                    value == null ? "" : new String(value, StandardCharsets.UTF_8)));
            event.set("data", mapper.readTree(data));
            return event.toString();
        } catch (Exception e) {
            return null;
        }
    }

    private static String kindOf(Body body) {
        String description = body.description();
        if (description.startsWith("removed ")) {
            return "removed a member";
        }
        int at = description.indexOf(" at ");
        return at < 0 ? description : description.substring(0, at);
    }

    private static Map<String, byte[]> binaryHeaders(ObjectNode event) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        event.fieldNames().forEachRemaining(f -> {
            if (!f.equals("data")) {
                headers.put("ce_" + f, bytes(event.get(f).asText()));
            }
        });
        return headers;
    }

    private static List<Header> list(Map<String, byte[]> headers) {
        List<Header> list = new ArrayList<>();
        headers.forEach((name, value) -> list.add(new RecordHeader(name, value)));
        return list;
    }

    private void send(List<Hostile> storm) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Hostile hostile : storm) {
                List<Header> headers = new ArrayList<>(hostile.headers());
                headers.add(new RecordHeader(RUN_HEADER, bytes(run)));
                sent.add(producer.send(new ProducerRecord<>(TOPIC, null, hostile.key(), hostile.value(), headers)));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection db = TestDatabase.connect();
             Statement statement = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        }
        return rows;
    }

    private static byte[] capped(byte[] value) {
        return value.length <= LARGEST_VALUE_BYTES ? value : java.util.Arrays.copyOf(value, LARGEST_VALUE_BYTES);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
