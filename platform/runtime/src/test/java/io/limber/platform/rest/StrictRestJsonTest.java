package io.limber.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StrictRestJsonTest {

    record Preferences(String quietStart, String quietEnd) {
    }

    private final ObjectMapper application = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aBodyThatNamesAFieldTwiceIsMalformedJson() {
        ObjectMapper rest = new StrictRestJson(application).getContext(Preferences.class);

        assertThatThrownBy(() -> rest.readValue("{\"quietStart\":\"22:00\",\"quietStart\":\"23:00\"}", Preferences.class))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate field 'quietStart'");
    }

    @Test
    void aBodyThatNamesEachFieldOnceReadsWithTheApplicationsSettings() throws Exception {
        ObjectMapper rest = new StrictRestJson(application).getContext(Preferences.class);

        assertThat(rest.readValue("{\"quietStart\":\"22:00\",\"quietEnd\":\"07:00\",\"extra\":1}", Preferences.class))
                .isEqualTo(new Preferences("22:00", "07:00"));
    }

    @Test
    void theApplicationsMapperStaysAsItWasForKafkaConsumers() throws Exception {
        new StrictRestJson(application);

        assertThat(application.readTree("{\"quietStart\":\"22:00\",\"quietStart\":\"23:00\"}").get("quietStart").asText())
                .isEqualTo("23:00");
    }

    @Test
    void everyTypeIsReadWithTheSameStrictMapper() {
        StrictRestJson resolver = new StrictRestJson(application);

        assertThat(resolver.getContext(Preferences.class)).isSameAs(resolver.getContext(String.class))
                .isNotSameAs(application);
    }
}
