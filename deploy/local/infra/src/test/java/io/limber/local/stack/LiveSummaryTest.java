package io.limber.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LiveSummaryTest {

    /** deploy/grafana/metrics-used.txt, from this module's directory (deploy/local/infra). */
    static final Path METRICS_USED = Path.of("../../grafana/metrics-used.txt");

    @Test
    void everyMetricItReadsIsOneTheOwnersDashboardMetricsTestProvesExported() throws Exception {
        Set<String> listed = Files.readAllLines(METRICS_USED).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toSet());

        assertThat(LiveSummary.READS).hasSize(5)
                .allSatisfy(read -> assertThat(listed).as("metrics-used.txt").contains(read.owner() + " " + read.metric()));
    }

    @Test
    void printsTheServicesFiguresAsTheyExportThem() {
        MetricsScrape routine = MetricsScrape.parse("""
                # HELP limber_plans_published_total Plan versions and erasures published
                limber_plans_published_total{kind="plan"} 17.0
                limber_plans_published_total{kind="tombstone"} 1.0
                limber_care_reviews_received_total 10.0
                """);
        MetricsScrape session = MetricsScrape.parse("""
                limber_session_events_accepted_total{type="limber.session.completed"} 304.0
                limber_session_events_accepted_total{type="limber.session.pain-stopped"} 13.0
                limber_session_events_accepted_total{type="limber.session.started"} 330.0
                limber_cohort_people{state="adherent"} 10.0
                limber_cohort_people{state="not-adherent"} 4.0
                limber_cohort_people{state="unknown"} 2.0
                """);
        MetricsScrape reminder = MetricsScrape.parse("""
                limber_nudges_published_total{kind="check-in"} 13.0
                limber_nudges_published_total{kind="safety"} 2.0
                limber_nudges_published_total{kind="reminder"} 0.0
                """);

        assertThat(LiveSummary.figures(routine, session, reminder)).isEqualTo("""
                  plans published 18     sessions completed 304    pain-stops 13   care reviews 10
                  cohort adherent (28-day >= 80 %) 10 of 14
                  nudges by kind: check-in 13, safety 2
                """);
    }

    @Test
    void saysWhenNoOneHasAKnownAdherenceYet() {
        MetricsScrape nothing = MetricsScrape.parse("");

        assertThat(LiveSummary.figures(nothing, nothing, nothing))
                .contains("cohort adherent (28-day >= 80 %) not known yet", "nudges by kind: none yet");
    }
}
