package io.limber.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The ObjectMapper REST bodies are read with: the application's, but a body that names a field twice is refused
 * as malformed JSON (400) instead of the last value silently winning (or, for records, Jackson failing with a
 * definition error, a 500). Kafka consumers keep the application's mapper.
 */
@Provider
public class StrictRestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictRestJson(ObjectMapper mapper) {
        this.strict = mapper.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
