package io.limber.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxSettingsTest {

    @Test
    void theTimerIntervalReadsIsoAndQuarkusShortForms() {
        assertThat(OutboxSettings.duration("PT0.5S")).isEqualTo(Duration.ofMillis(500));
        assertThat(OutboxSettings.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(OutboxSettings.duration("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxSettings.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxSettings.duration("3")).isEqualTo(Duration.ofSeconds(3));
    }
}
