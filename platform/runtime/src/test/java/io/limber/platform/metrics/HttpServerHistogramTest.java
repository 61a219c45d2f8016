package io.limber.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpServerHistogramTest {

    private final MeterFilter filter = new HttpServerHistogram().httpServerRequestsHistogram();

    @Test
    void theHttpServerTimerGetsHistogramBucketsFrom5MillisecondsTo10Seconds() {
        DistributionStatisticConfig config = filter.configure(id(HttpServerHistogram.HTTP_SERVER_REQUESTS),
                DistributionStatisticConfig.NONE);

        assertThat(config.isPercentileHistogram()).isTrue();
        assertThat(config.getMinimumExpectedValueAsDouble()).isEqualTo(Duration.ofMillis(5).toNanos());
        assertThat(config.getMaximumExpectedValueAsDouble()).isEqualTo(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void otherTimersAreLeftAsConfigured() {
        DistributionStatisticConfig config = filter.configure(id("limber.outbox.publish"),
                DistributionStatisticConfig.NONE);

        assertThat(config).isSameAs(DistributionStatisticConfig.NONE);
    }

    private static Meter.Id id(String name) {
        return new Meter.Id(name, Tags.empty(), null, null, Meter.Type.TIMER);
    }
}
