package io.limber.routine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published JSON Schema of {@code limber.plan.published}, for tests to check events against. */
public final class PlanPublishedSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private PlanPublishedSchema() {
    }

    /** Every way the JSON breaks the schema; empty when it conforms. */
    public static List<String> violations(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return SCHEMA.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    private static JsonSchema load() {
        try (InputStream in = PlanPublishedSchema.class.getClassLoader()
                .getResourceAsStream("events/plan-published.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
