package io.limber.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every producer's event examples ({@code <service>/src/main/resources/events/examples/*.json}), each with the topic
 * its producer's AsyncAPI document puts it on: the channel (not a dead-letter one) one of whose messages is named
 * after the example's CloudEvent type.
 */
final class Examples {

    static final List<String> PRODUCERS = List.of("routine-service", "session-service", "reminder-service");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Examples() {
    }

    /** One example as its producer documents it. */
    record Example(String producer, String file, String topic, ObjectNode event) {

        String type() {
            return event.path("type").asText();
        }

        String userId() {
            return event.path("data").path("userId").asText();
        }

        JsonNode data() {
            return event.path("data");
        }
    }

    static List<Example> load(Path root) {
        List<Example> examples = new ArrayList<>();
        for (String producer : PRODUCERS) {
            Path events = root.resolve(producer).resolve("src/main/resources/events");
            List<Path> asyncApis = list(events, ".yaml");
            if (asyncApis.isEmpty()) {
                throw new IllegalStateException("no AsyncAPI document in " + events);
            }
            for (Path file : list(events.resolve("examples"), ".json")) {
                ObjectNode event = (ObjectNode) read(JSON, file);
                String type = event.path("type").asText();
                String topic = asyncApis.stream().map(doc -> topicOf(read(YAML, doc), type)).filter(t -> t != null)
                        .findFirst().orElseThrow(() -> new IllegalStateException(producer + "'s AsyncAPI document names"
                                + " no channel for " + type + " (example " + file.getFileName() + ")"));
                examples.add(new Example(producer, file.getFileName().toString(), topic, event));
            }
        }
        return examples;
    }

    /** The address of the channel carrying messages named {@code type}; null when there is none. */
    static String topicOf(JsonNode asyncApi, String type) {
        for (Map.Entry<String, JsonNode> entry : asyncApi.path("channels").properties()) {
            JsonNode channel = entry.getValue();
            String address = channel.path("address").asText("");
            if (address.isEmpty() || address.endsWith(".dlq")) {
                continue;
            }
            Set<String> names = new HashSet<>();
            channel.path("messages").forEach(message -> names.add(resolve(asyncApi, message).path("name").asText()));
            if (names.contains(type)) {
                return address;
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
