package io.limber.local.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The few lines the local stack prints every few seconds: what the cohort is doing, read from the services' metrics. */
final class LiveSummary {

    /** A metric the summary reads, and the service that exports it. */
    record Read(String owner, String metric) {
    }

    static final Read PLANS_PUBLISHED = new Read("routine-service", "limber_plans_published_total");
    static final Read CARE_REVIEWS = new Read("routine-service", "limber_care_reviews_received_total");
    static final Read EVENTS_ACCEPTED = new Read("session-service", "limber_session_events_accepted_total");
    static final Read COHORT = new Read("session-service", "limber_cohort_people");
    static final Read NUDGES = new Read("reminder-service", "limber_nudges_published_total");
    /**
     * Everything it reads: each is listed in deploy/grafana/metrics-used.txt for its owner, so the owner's
     * DashboardMetricsTest proves it exported (LiveSummaryTest checks the list).
     */
    static final List<Read> READS = List.of(PLANS_PUBLISHED, CARE_REVIEWS, EVENTS_ACCEPTED, COHORT, NUDGES);

    private final URI routine;
    private final URI session;
    private final URI reminder;
    private final Path simulatorLog;

    LiveSummary(URI routine, URI session, URI reminder, Path simulatorLog) {
        this.routine = routine;
        this.session = session;
        this.reminder = reminder;
        this.simulatorLog = simulatorLog;
    }

    String render() {
        return "── " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " ─────────────────────────────\n"
                + figures(MetricsScrape.of(routine), MetricsScrape.of(session), MetricsScrape.of(reminder))
                + lastLine(simulatorLog).map(line -> "  " + line + "\n").orElse("");
    }

    /** The figures' lines from one scrape of each service. */
    static String figures(MetricsScrape routineMetrics, MetricsScrape sessionMetrics, MetricsScrape reminderMetrics) {
        Map<String, Double> nudges = reminderMetrics.byLabel(NUDGES.metric(), "kind");
        String nudgeLine = nudges.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + Math.round(e.getValue()))
                .collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder();
        out.append(String.format("  plans published %-6d sessions completed %-6d pain-stops %-4d care reviews %d%n",
                Math.round(routineMetrics.sum(PLANS_PUBLISHED.metric())),
                Math.round(sessionMetrics.sum(EVENTS_ACCEPTED.metric(), "limber.session.completed")),
                Math.round(sessionMetrics.sum(EVENTS_ACCEPTED.metric(), "limber.session.pain-stopped")),
                Math.round(routineMetrics.sum(CARE_REVIEWS.metric()))));
        // session-service's cohort gauge (people by state: adherent, not-adherent, unknown without a denominator)
        double adherent = sessionMetrics.sum(COHORT.metric(), "state=\"adherent\"");
        double known = adherent + sessionMetrics.sum(COHORT.metric(), "state=\"not-adherent\"");
        out.append(String.format("  cohort adherent (28-day >= 80 %%) %s%n",
                known > 0 ? Math.round(adherent) + " of " + Math.round(known) : "not known yet"));
        out.append("  nudges by kind: ").append(nudgeLine.isEmpty() ? "none yet" : nudgeLine).append('\n');
        return out.toString();
    }

    private static Optional<String> lastLine(Path log) {
        if (log == null || !Files.exists(log)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
