package io.limber.session.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.session.adherence.Activity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemasTest {

    static final Path EXAMPLES = Path.of("src/main/resources/events/examples");
    final EventSchemas schemas = new EventSchemas();
    final ObjectMapper mapper = new ObjectMapper();

    static Stream<Path> examples() throws IOException {
        return Files.list(EXAMPLES).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    ObjectNode example(String name) throws IOException {
        return (ObjectNode) mapper.readTree(EXAMPLES.resolve(name).toFile());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsValidAgainstTheSchemaOfItsType(Path example) throws IOException {
        assertThat(schemas.violations(mapper.readTree(example.toFile()))).isEmpty();
    }

    @Test
    void everyClientTypeAndTheAdherenceEventHaveAnExample() throws IOException {
        try (Stream<Path> files = examples()) {
            List<String> types = files.map(p -> {
                try {
                    return mapper.readTree(p.toFile()).get("type").asText();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(types).containsAll(EventSchemas.CLIENT_TYPES).contains(EventSchemas.ADHERENCE_UPDATED);
        }
    }

    @Test
    void painAboveTenIsRefusedNamingTheField() throws IOException {
        ObjectNode event = example("session-pain-stopped.json");
        ((ObjectNode) event.get("data")).put("pain", 11);

        assertThat(schemas.violations(event)).extracting(Violation::field).containsExactly("$.data.pain");
    }

    @Test
    void aRedFlagOutsideTheFixedListIsRefused() throws IOException {
        ObjectNode event = example("session-pain-stopped-red-flag.json");
        ((ArrayNode) event.get("data").get("redFlags")).add("headache");

        assertThat(schemas.violations(event)).extracting(Violation::field).containsExactly("$.data.redFlags[1]");
    }

    @Test
    void aMissingSessionIdAndABadTimeAreBothReported() throws IOException {
        ObjectNode event = example("session-started.json");
        ((ObjectNode) event.get("data")).remove("sessionId");
        event.put("time", "yesterday evening");

        List<Violation> violations = schemas.violations(event);

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("$.data.sessionId", "$.time");
        assertThat(violations.toString()).contains("sessionId");
    }

    @Test
    void aNulCharacterAnywhereIsRefusedItCannotBeStored() throws IOException {
        ObjectNode event = example("session-completed.json");
        ((ObjectNode) event.get("data")).put("sessionId", "s" + (char) 0 + "1");
        ((ObjectNode) event.get("data").get("holds").get(2)).put("exerciseId", String.valueOf((char) 0));

        assertThat(schemas.violations(event)).extracting(Violation::field)
                .contains("$.data.sessionId", "$.data.holds[2].exerciseId");
        assertThat(schemas.violations(event)).filteredOn(v -> v.field().equals("$.data.sessionId"))
                .extracting(Violation::reason).containsExactly("must not contain a NUL character");
    }

    @Test
    void anUnknownTypeIsRefusedByName() throws IOException {
        ObjectNode event = example("session-started.json");
        event.put("type", "limber.session.teleported");

        assertThat(schemas.violations(event)).containsExactly(
                new Violation("$.type", "unknown type 'limber.session.teleported'"));
    }

    @Test
    void aClientEventIsAcceptedForExactlyTheUserIdsEveryServiceAccepts() throws IOException {
        ObjectNode event = example("session-pain-stopped.json");
        java.time.Instant sent = java.time.Instant.parse(event.get("time").asText());
        io.limber.local.testing.SharedRules.UserIdCases cases = io.limber.local.testing.SharedRules.userIds();
        for (String id : cases.accepted()) {
            ((ObjectNode) event.get("data")).put("userId", id);
            assertThat(schemas.clientEventViolations(event, sent)).as("accepted id %s", id).isEmpty();
        }
        for (String id : cases.refused()) {
            ((ObjectNode) event.get("data")).put("userId", id);
            assertThat(schemas.clientEventViolations(event, sent)).as("refused id %s", id)
                    .extracting(Violation::field).contains("$.data.userId");
        }
    }

    @Test
    void anUnknownTypeIsQuotedSoItCannotForgeALogLineOrFloodOne() throws IOException {
        ObjectNode event = example("session-started.json");
        event.put("type", "x\n2026-11-30 INFO forged 'line'\u202e" + "y".repeat(200));

        String reason = schemas.violations(event).get(0).reason();
        assertThat(reason).startsWith("unknown type 'x\\u000a2026-11-30 INFO forged \\u0027line\\u0027\\u202eyyy")
                .endsWith("y…'").doesNotContain("\n").hasSizeLessThan(140);
    }

    @Test
    void fieldsMayBeAddedToAnEvent() throws IOException {
        ObjectNode event = example("session-completed.json");
        ((ObjectNode) event.get("data")).put("deviceModel", "watch 9");

        assertThat(schemas.violations(event)).isEmpty();
    }

    @Test
    void theClientExamplesBecomeTheDomainsActivities() throws IOException {
        Activity completed = ActivityMapper.toActivity(example("session-completed.json"));
        Activity stop = ActivityMapper.toActivity(example("session-pain-stopped-red-flag.json"));
        Activity report = ActivityMapper.toActivity(example("pain-reported.json"));

        assertThat(completed).isInstanceOfSatisfying(Activity.SessionCompleted.class, c -> {
            assertThat(c.holds()).hasSize(9);
            assertThat(c.startedAt()).hasToString("2026-11-20T19:31:05Z");
            assertThat(c.key()).isEqualTo(new Activity.EventKey("/clients/phone/5d2e", "5e7a9c1b-2f3d-4e6a-8b0c-9d1e2f3a4b5c"));
        });
        assertThat(stop).isInstanceOfSatisfying(Activity.SessionPainStopped.class, s ->
                assertThat(s.redFlags()).containsExactly("saddle-numbness"));
        assertThat(report).isInstanceOfSatisfying(Activity.PainReported.class, r -> assertThat(r.pain()).isEqualTo(3));
    }

    @Test
    void everyExampleReadsTheSameInEveryKafkaFormAndIsValidThen() throws IOException {
        io.limber.platform.events.CloudEventEnvelope envelope = new io.limber.platform.events.CloudEventEnvelope(mapper);
        for (String name : java.util.List.of("session-started.json", "session-completed.json",
                "session-pain-stopped.json", "session-pain-stopped-red-flag.json", "pain-reported.json",
                "adherence-updated.json")) {
            JsonNode structured = example(name);
            for (io.limber.local.testing.CloudEventForms.Form form : io.limber.local.testing.CloudEventForms.Form.values()) {
                var record = io.limber.local.testing.CloudEventForms.record("session-events", "k",
                        mapper.writeValueAsString(structured), form);
                JsonNode read = envelope.fromKafka(record.headers(), record.value());
                assertThat(read).as(name + " in " + form).isEqualTo(structured);
                assertThat(schemas.violations(read)).as(name + " in " + form).isEmpty();
            }
        }
    }
}
