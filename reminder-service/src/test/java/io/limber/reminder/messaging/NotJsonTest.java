package io.limber.reminder.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class NotJsonTest {

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void saysWhereTheTextBrokeAndNeverQuotesIt() {
        // Jackson's own message quotes the token: "Unrecognized token 'privatenoteforuser42'..."
        JsonProcessingException parse = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readTree("privatenoteforuser42 {\"pain\": 7}"));
        assertThat(parse.getMessage()).contains("privatenoteforuser42");

        NotJson reason = new NotJson(parse);

        assertThat(reason.getMessage()).startsWith("not valid JSON at line 1, column ")
                .doesNotContain("privatenote").doesNotContain("user42");
    }

    @Test
    void aTruncatedEventNamesItsLastLine() {
        JsonProcessingException parse = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readTree("{\n\"note\": \"my back hurts"));

        assertThat(new NotJson(parse).getMessage()).startsWith("not valid JSON at line 2").doesNotContain("back");
    }

    @Test
    void anInputErrorWithoutALocationIsStillNamed() {
        assertThat(new NotJson(new IOException("stream closed: user-42")).getMessage()).isEqualTo("not valid JSON");
    }
}
