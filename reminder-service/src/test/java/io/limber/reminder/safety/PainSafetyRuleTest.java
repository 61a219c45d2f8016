package io.limber.reminder.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PainSafetyRuleTest {

    private final PainSafetyRule rule = new PainSafetyRule();

    @Test
    void sharpPainGetsASafetyMessageWhateverItsScore() {
        var message = rule.evaluate(stop(3, true));
        assertThat(message).isPresent();
        assertThat(message.get().nudgeId()).isEqualTo("u1:safety:e1");
        assertThat(message.get().body()).contains("Do not push through sharp pain").contains("contact your doctor");
    }

    @Test
    void painOfSevenOrMoreGetsASafetyMessageEvenWhenNotSharp() {
        assertThat(rule.evaluate(stop(7, false))).isPresent();
        assertThat(rule.evaluate(stop(6, false))).isEmpty();
    }

    private static PainStop stop(int pain, boolean sharp) {
        return new PainStop("e1", "u1", "s1", "forward-fold", pain, sharp, List.of(), Instant.parse("2026-11-20T19:00:00Z"));
    }
}
