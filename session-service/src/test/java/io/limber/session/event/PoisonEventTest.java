package io.limber.session.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoisonEventTest {

    @Test
    void aShortReasonIsKeptWhole() {
        assertThat(new PoisonEvent("$.data.pain: must be at most 10").getMessage())
                .isEqualTo("$.data.pain: must be at most 10");
    }

    @Test
    void aHugeReasonIsCutSoTheDeadLetterStaysUnderKafkasSizeLimit() {
        String reason = "$.data.holds[0]: integer found, object expected; ".repeat(40_000);

        String kept = new PoisonEvent(reason).getMessage();

        assertThat(kept).hasSizeLessThan(PoisonEvent.MAX_REASON_CHARS + 40)
                .startsWith("$.data.holds[0]: integer found")
                .endsWith("… (" + (reason.length() - PoisonEvent.MAX_REASON_CHARS) + " more characters)");
    }
}
