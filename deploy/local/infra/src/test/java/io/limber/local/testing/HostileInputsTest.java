package io.limber.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.limber.local.testing.HostileInputs.Body;
import io.limber.local.testing.HostileInputs.Tally;
import io.limber.local.testing.HostileInputs.Tally.StatusClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostileInputsTest {

    private static final String EXAMPLE = """
            {"routines":[{"routineId":"lower-back-stretches","hold":{"seconds":60}}],
             "schedule":{"daysOfWeek":["MONDAY","FRIDAY"]},"localTime":"20:30","timeZone":"Europe/Amsterdam",
             "pain":3,"note":"fine"}
            """;

    @Test
    void theSameSeedGivesTheSameInputs() {
        assertThat(new HostileInputs(7).bodies(EXAMPLE, 300)).isEqualTo(new HostileInputs(7).bodies(EXAMPLE, 300));
        assertThat(new HostileInputs(7).pathSegments(100)).isEqualTo(new HostileInputs(7).pathSegments(100));
        assertThat(new HostileInputs(7).bodies(EXAMPLE, 300)).isNotEqualTo(new HostileInputs(8).bodies(EXAMPLE, 300));
    }

    @Test
    void givesExactlyTheRequestedNumberOfBodiesNoneOfThemTheExample() {
        List<Body> bodies = new HostileInputs(1).bodies(EXAMPLE, 1_000);
        assertThat(bodies).hasSize(1_000);
        Object example = HostileInputs.Json.parse(EXAMPLE);
        long unchanged = bodies.stream()
                .filter(b -> b.contentType().equals(Body.JSON))
                // a lenient parser reads duplicate keys as the example itself: that is the attack
                .filter(b -> !b.description().equals("duplicate keys"))
                .filter(b -> parsesTo(b.json(), example))
                .count();
        assertThat(unchanged).isZero();
    }

    @Test
    void coversTheDocumentAttacksOnceAndTheFieldAttacksOfTheBrief() {
        List<Body> bodies = new HostileInputs(1).bodies(EXAMPLE, 1_000);
        List<String> descriptions = bodies.stream().map(Body::description).toList();
        assertThat(descriptions).contains("truncated JSON", "10,000-deep arrays", "10,000-deep objects",
                "duplicate keys", "content type text/plain", "empty body", "not JSON");
        assertThat(descriptions).anyMatch(d -> d.startsWith("1 MB string at "))
                .anyMatch(d -> d.startsWith("pain out of range at "))
                .anyMatch(d -> d.startsWith("unknown time zone at "))
                .anyMatch(d -> d.startsWith("bad date or time at "))
                .anyMatch(d -> d.startsWith("injection at "))
                .anyMatch(d -> d.startsWith("wrong type at "))
                .anyMatch(d -> d.startsWith("negative number at "))
                .anyMatch(d -> d.startsWith("removed $."));
        Body deep = bodies.stream().filter(b -> b.description().equals("10,000-deep arrays")).findFirst().orElseThrow();
        assertThat(deep.json()).startsWith("[".repeat(10_000)).hasSize(20_000);
        Body duplicate = bodies.stream().filter(b -> b.description().equals("duplicate keys")).findFirst().orElseThrow();
        assertThat(duplicate.json().split("\"localTime\"", -1)).hasSize(3);
    }

    @Test
    void aFieldAttackChangesOnlyTheNamedField() {
        Body attack = new HostileInputs(3).bodies(EXAMPLE, 1_000).stream()
                .filter(b -> b.description().equals("unknown time zone at $.timeZone"))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) HostileInputs.Json.parse(attack.json());
        assertThat(HostileInputs.BAD_TIME_ZONES).contains((String) parsed.get("timeZone"));
        assertThat(parsed.get("localTime")).isEqualTo("20:30");
        assertThat(parsed.get("pain")).isEqualTo(3);
    }

    @Test
    void theTenMegabyteBodyIsValidJsonOverTenMegabytes() {
        Body body = new HostileInputs(1).tenMegabyteBody(EXAMPLE);
        assertThat(body.json().length()).isGreaterThan(10 * 1024 * 1024);
        assertThat(HostileInputs.Json.parse(body.json())).isInstanceOf(Map.class);
    }

    @Test
    void pathSegmentsAreUrlReadyAndIncludeTheBriefsCases() {
        List<String> segments = new HostileInputs(1).pathSegments(200);
        assertThat(segments).hasSize(200).contains("%00", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%92%A5")
                .anyMatch(s -> s.length() >= 5_000);
        assertThat(segments).allMatch(s -> s.chars().noneMatch(c -> c == '/' || c == '?' || c == '#' || c > 0x7e));
    }

    @Test
    void rejectsAnExampleThatIsNotJson() {
        assertThatThrownBy(() -> new HostileInputs(1).bodies("{\"a\":", 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tallyCountsAnswersByStatusClass() {
        Tally tally = new Tally("PUT /users/{id}/plan");
        List.of(400, 404, 415, 201, 500).forEach(tally::record);
        assertThat(tally.sent()).isEqualTo(5);
        assertThat(tally.count(StatusClass.S4XX)).isEqualTo(3);
        assertThat(tally.count(StatusClass.S2XX)).isEqualTo(1);
        assertThat(tally.count(StatusClass.S5XX)).isEqualTo(1);
        assertThat(tally.toString()).contains("PUT /users/{id}/plan").contains("5xx   1");
    }

    private static boolean parsesTo(String json, Object example) {
        try {
            return HostileInputs.Json.parse(json).equals(example);
        } catch (RuntimeException | StackOverflowError notJson) {
            return false;
        }
    }
}
