package io.limber.routine.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The built-in programme, read from the JSON files under {@code src/main/resources/catalogue/}. */
public final class BuiltInRoutines {

    static final List<String> RESOURCES = List.of("catalogue/lower-back-stretches.json", "catalogue/core-strength.json");

    private BuiltInRoutines() {
    }

    public static List<RoutineDefinition> load(ObjectMapper mapper) {
        return RESOURCES.stream().map(resource -> read(mapper, resource)).toList();
    }

    private static RoutineDefinition read(ObjectMapper mapper, String resource) {
        try (InputStream in = BuiltInRoutines.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in routine " + resource + " is missing from the build");
            }
            return mapper.readValue(in, RoutineDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("built-in routine " + resource + " cannot be read", e);
        }
    }
}
