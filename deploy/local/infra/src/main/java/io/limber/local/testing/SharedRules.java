package io.limber.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases that pin a rule two services both apply (design.md: user ids, the safety pause, event-time bounds), read
 * from {@code deploy/contract/rules/}. Each service's copy of a rule is tested against the same cases, so a copy that
 * drifts fails its own service's build.
 */
public final class SharedRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedRules() {
    }

    /** Ids every service must accept, and ids every service must refuse. */
    public record UserIdCases(List<String> accepted, List<String> refused) {
    }

    /** A pain event as the safety pause sees it. */
    public record PainEvent(String type, Instant time, int pain, boolean sharp, List<String> redFlags,
                            Boolean settled) {
        public boolean isPainStop() {
            return "limber.session.pain-stopped".equals(type);
        }
    }

    /** A pause window, [from, until). */
    public record Window(Instant from, Instant until) {
    }

    /** Events in arrival order and the merged pause windows they must give. */
    public record PauseCase(String name, List<PainEvent> events, List<Window> pauses) {
    }

    /** The receiver's clock, and event times it must accept or refuse. */
    public record EventTimeCases(Instant now, List<Instant> accepted, List<Instant> refused) {
    }

    public static UserIdCases userIds() {
        JsonNode doc = read("user-ids.json");
        return new UserIdCases(texts(doc.path("accepted")), texts(doc.path("refused")));
    }

    public static List<PauseCase> safetyPause() {
        List<PauseCase> cases = new ArrayList<>();
        for (JsonNode c : read("safety-pause.json").path("cases")) {
            List<PainEvent> events = new ArrayList<>();
            for (JsonNode e : c.path("events")) {
                events.add(new PainEvent(e.path("type").asText(), Instant.parse(e.path("time").asText()),
                        e.path("pain").asInt(), e.path("sharp").asBoolean(false), texts(e.path("redFlags")),
                        e.has("settled") ? e.get("settled").asBoolean() : null));
            }
            List<Window> pauses = new ArrayList<>();
            for (JsonNode w : c.path("pauses")) {
                pauses.add(new Window(Instant.parse(w.get(0).asText()), Instant.parse(w.get(1).asText())));
            }
            cases.add(new PauseCase(c.path("name").asText(), events, pauses));
        }
        return cases;
    }

    public static EventTimeCases eventTime() {
        JsonNode doc = read("event-time.json");
        Instant now = Instant.parse(doc.path("now").asText());
        List<Instant> accepted = new ArrayList<>();
        doc.path("accepted").forEach(d -> accepted.add(now.plus(Duration.parse(d.asText()))));
        List<Instant> refused = new ArrayList<>();
        doc.path("refused").forEach(d -> refused.add(now.plus(Duration.parse(d.asText()))));
        doc.path("refusedAbsolute").forEach(t -> refused.add(Instant.parse(t.asText())));
        return new EventTimeCases(now, accepted, refused);
    }

    /**
     * Where the JSON Schemas under {@code eventsDir} disagree with the shared user-id cases: for every property named
     * {@code userId}, every accepted id must pass its type, length and pattern, and every refused id must fail them.
     * Empty when they all agree.
     */
    public static List<String> schemaDisagreements(Path eventsDir) {
        UserIdCases cases = userIds();
        List<String> problems = new ArrayList<>();
        try (var files = Files.walk(eventsDir)) {
            for (Path schema : files.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList()) {
                List<JsonNode> found = new ArrayList<>();
                collectUserIds(JSON.readTree(schema.toFile()), found);
                if (found.isEmpty()) {
                    problems.add(schema.getFileName() + ": no userId property");
                }
                for (JsonNode property : found) {
                    for (String id : cases.accepted()) {
                        if (!allows(property, id)) {
                            problems.add(schema.getFileName() + " refuses accepted id '" + id + "'");
                        }
                    }
                    for (String id : cases.refused()) {
                        if (allows(property, id)) {
                            problems.add(schema.getFileName() + " accepts refused id '" + id + "'");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static void collectUserIds(JsonNode node, List<JsonNode> found) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.has("userId")) {
                found.add(properties.get("userId"));
            }
            node.forEach(child -> collectUserIds(child, found));
        } else if (node.isArray()) {
            node.forEach(child -> collectUserIds(child, found));
        }
    }

    private static boolean allows(JsonNode property, String id) {
        int length = id.codePointCount(0, id.length());
        return "string".equals(property.path("type").asText())
                && length >= property.path("minLength").asInt(0)
                && length <= property.path("maxLength").asInt(Integer.MAX_VALUE)
                && (!property.has("pattern") || ecmaPattern(property.get("pattern").asText()).matcher(id).find());
    }

    /**
     * A JSON Schema pattern read as ECMA-262 reads it (what ajv and every client generated from the schema do): its
     * {@code $} is the end of the input, where Java's also matches before a final line break ({@code "a\n"}).
     */
    private static java.util.regex.Pattern ecmaPattern(String pattern) {
        return java.util.regex.Pattern.compile(pattern.endsWith("$") && !pattern.endsWith("\\$")
                ? pattern.substring(0, pattern.length() - 1) + "\\z" : pattern);
    }

    /** Merges overlapping or touching windows, as a pause extended by a later trigger is one pause. */
    public static List<Window> merged(List<Window> windows) {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(java.util.Comparator.comparing(Window::from));
        List<Window> merged = new ArrayList<>();
        for (Window w : sorted) {
            Window last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !w.from().isAfter(last.until())) {
                merged.set(merged.size() - 1, new Window(last.from(),
                        w.until().isAfter(last.until()) ? w.until() : last.until()));
            } else {
                merged.add(w);
            }
        }
        return merged;
    }

    /** The folder of the shared cases, found from the working directory (a module) up to the repository root. */
    public static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/contract/rules");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/contract/rules not found above " + Path.of("").toAbsolutePath());
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(folder().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
