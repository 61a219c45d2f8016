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
import java.util.stream.Collectors;

/** The few lines the local stack prints every few seconds: what the cohort is doing, read from the services' metrics. */
final class LiveSummary {

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
        MetricsScrape routineMetrics = MetricsScrape.of(routine);
        MetricsScrape sessionMetrics = MetricsScrape.of(session);
        MetricsScrape reminderMetrics = MetricsScrape.of(reminder);
        Map<String, Double> nudges = reminderMetrics.byLabel("limber_nudges_published_total", "kind");
        String nudgeLine = nudges.isEmpty() ? "none yet" : nudges.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + Math.round(e.getValue()))
                .collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder();
        out.append("── ").append(LocalTime.now().truncatedTo(ChronoUnit.SECONDS)).append(" ─────────────────────────────\n");
        out.append(String.format("  plans published %-6d sessions completed %-6d pain-stops %-4d care reviews %d%n",
                Math.round(routineMetrics.sum("limber_plans_published_total")),
                Math.round(sessionMetrics.sum("limber_session_events_accepted_total", "limber.session.completed")),
                Math.round(sessionMetrics.sum("limber_session_events_accepted_total", "limber.session.pain-stopped")),
                Math.round(routineMetrics.sum("limber_care_reviews_received_total"))));
        // session-service's cohort gauge (people by state: adherent, not-adherent, unknown without a denominator)
        double adherent = sessionMetrics.sum("limber_cohort_people", "state=\"adherent\"");
        double known = adherent + sessionMetrics.sum("limber_cohort_people", "state=\"not-adherent\"");
        out.append(String.format("  cohort adherent (28-day >= 80 %%) %s%n",
                known > 0 ? Math.round(adherent) + " of " + Math.round(known) : "not known yet"));
        out.append("  nudges by kind: ").append(nudgeLine.isEmpty() ? "none yet" : nudgeLine).append('\n');
        lastLine(simulatorLog).ifPresent(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    private static java.util.Optional<String> lastLine(Path log) {
        if (log == null || !Files.exists(log)) {
            return java.util.Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(lines.get(lines.size() - 1));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
