package io.limber.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CohortTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void theSameSeedGivesTheSamePeopleAndEvents() {
        List<ClientEvent> first = new Cohort(42, 14).history(clock, 28);
        List<ClientEvent> second = new Cohort(42, 14).history(clock, 28);
        assertThat(second).isEqualTo(first);
        assertThat(new Cohort(43, 14).history(clock, 28)).isNotEqualTo(first);
    }

    @Test
    void aSteadyPersonCompletesEveryEveningOfTheHistory() {
        Cohort cohort = new Cohort(42, 7);
        Person steady = cohort.people().get(Persona.STEADY.ordinal());
        List<ClientEvent> theirs = cohort.history(clock, 28).stream()
                .filter(e -> e.userId().equals(steady.userId())).toList();
        assertThat(theirs.stream().filter(e -> e.type().equals("limber.session.completed"))).hasSize(28);
        assertThat(theirs.stream().filter(e -> e.type().equals("limber.session.started"))).hasSize(28);
    }

    @Test
    void aDuplicatingAppSendsEveryEventTwiceWithTheSameId() {
        Cohort cohort = new Cohort(42, 7);
        Person dup = cohort.people().get(Persona.DUPLICATING.ordinal());
        List<ClientEvent> theirs = cohort.history(clock, 28).stream()
                .filter(e -> e.userId().equals(dup.userId())).toList();
        Set<String> ids = theirs.stream().map(ClientEvent::eventId).collect(Collectors.toSet());
        assertThat(theirs).hasSize(ids.size() * 2);
    }

    @Test
    void thePainPronePersonStopsWithSharpPainAndOnceWithARedFlag() throws Exception {
        Cohort cohort = new Cohort(42, 7);
        Person painProne = cohort.people().get(Persona.PAIN_PRONE.ordinal());
        List<JsonNode> stops = cohort.history(clock, 28).stream()
                .filter(e -> e.userId().equals(painProne.userId()) && e.type().equals("limber.session.pain-stopped"))
                .map(e -> read(e.json()))
                .toList();
        assertThat(stops).anySatisfy(s -> assertThat(s.path("data").path("sharp").asBoolean()).isTrue());
        assertThat(stops).filteredOn(s -> s.path("data").path("redFlags").size() > 0).hasSize(1);
    }

    @Test
    void eventsFollowTheClientContract() {
        for (ClientEvent event : new Cohort(42, 14).history(clock, 28)) {
            JsonNode json = read(event.json());
            assertThat(json.path("specversion").asText()).isEqualTo("1.0");
            assertThat(json.path("id").asText()).isEqualTo(event.eventId());
            assertThat(json.path("type").asText()).startsWith("limber.");
            assertThat(json.path("data").path("userId").asText()).isEqualTo(event.userId());
            assertThat(Instant.parse(json.path("time").asText())).isEqualTo(event.eventTime());
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
