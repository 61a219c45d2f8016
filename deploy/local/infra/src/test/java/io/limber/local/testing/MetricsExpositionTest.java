package io.limber.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsExpositionTest {

    private static final String TEXT = """
            # HELP limber_plans Plans by status
            # TYPE limber_plans gauge
            limber_plans{status="active"} 3.0
            limber_outbox_pending 0.0
            limber_plans_total_other{user="u-1"} 1.0
            """;

    @Test
    void aNameCountsAsExportedOnlyWhenASampleLineStartsWithItExactly() {
        MetricsExposition metrics = MetricsExposition.of(TEXT);
        assertThat(metrics.missing(List.of("limber_plans", "limber_outbox_pending", "limber_outbox", "limber_absent")))
                .containsExactly("limber_outbox", "limber_absent");
        assertThat(metrics.names()).containsExactly("limber_outbox_pending", "limber_plans", "limber_plans_total_other");
    }

    @Test
    void labelSetsShowWhatEachSampleIsLabelledWith() {
        assertThat(MetricsExposition.of(TEXT).labelSets()).containsExactly("{status=\"active\"}", "{user=\"u-1\"}");
    }

    @Test
    void metricsUsedIsReadByOwnerSkippingCommentsAndOtherOwners(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics-used.txt");
        Files.writeString(file, "# comment\nrouting-service a_total\nsession-service b_total\n\nsession-service c\n");
        assertThat(MetricsExposition.metricsOwnedBy(file, "session-service")).containsExactly("b_total", "c");
    }
}
