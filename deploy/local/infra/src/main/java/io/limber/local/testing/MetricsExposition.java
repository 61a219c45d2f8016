package io.limber.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A service's {@code /q/metrics} text (Prometheus exposition format) read the way the dashboard tests need it, and
 * {@code deploy/grafana/metrics-used.txt}, the list of what the dashboards and alerts query, by owner.
 */
public final class MetricsExposition {

    /** From a service module's directory, where Maven runs its tests. */
    public static final Path METRICS_USED = Path.of("../deploy/grafana/metrics-used.txt");

    private final List<String> samples;

    private MetricsExposition(String text) {
        this.samples = text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    public static MetricsExposition of(String text) {
        return new MetricsExposition(text);
    }

    /** The metric names {@code metrics-used.txt} gives to {@code owner} ("&lt;owner&gt; &lt;metric&gt;" lines). */
    public static List<String> metricsOwnedBy(Path metricsUsed, String owner) {
        try {
            return Files.readAllLines(metricsUsed).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\s+"))
                    .filter(f -> f.length == 2 && f[0].equals(owner))
                    .map(f -> f[1])
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names with no sample: a sample line is the name followed by its labels or a space. */
    public List<String> missing(List<String> names) {
        return names.stream()
                .filter(n -> samples.stream().noneMatch(l -> l.startsWith(n + "{") || l.startsWith(n + " ")))
                .toList();
    }

    /** The sample names, sorted: for a failure message. */
    public Set<String> names() {
        return samples.stream().map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The label part ({...}) of every sample that has labels. */
    public List<String> labelSets() {
        return samples.stream()
                .filter(l -> l.indexOf('{') >= 0 && l.lastIndexOf('}') > l.indexOf('{'))
                .map(l -> l.substring(l.indexOf('{'), l.lastIndexOf('}') + 1))
                .toList();
    }
}
