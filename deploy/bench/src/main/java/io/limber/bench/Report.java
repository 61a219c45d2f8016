package io.limber.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of a run as one text table, and as JSON with the machine and the date. */
public final class Report {

    private final List<Figure> figures;
    private final Instant startedAt;
    private final Duration took;

    public Report(List<Figure> figures, Instant startedAt, Duration took) {
        this.figures = List.copyOf(figures);
        this.startedAt = startedAt;
        this.took = took;
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        // the measure column widens to the longest measure, so long ones do not push their row out of line
        int measureWidth = Math.max(46, figures.stream().mapToInt(f -> f.measure().length()).max().orElse(0));
        String format = "%-10s %-" + measureWidth + "s %14s %-9s %14s %-34s %7s  %-16s %s%n";
        out.append(String.format(format, "benchmark", "measure", "value", "unit", "baseline", "baseline is", "ratio",
                "target", "met"));
        for (Figure f : figures) {
            out.append(String.format(Locale.ROOT, format, f.benchmark(), f.measure(), number(f.value()), f.unit(),
                    f.baseline() == null ? "" : number(f.baseline()),
                    f.baselineName() == null ? "" : f.baselineName(),
                    f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()),
                    f.target() == null ? "" : f.target(),
                    f.met() == null ? "" : (f.met() ? "yes" : "NO")));
        }
        out.append(String.format(Locale.ROOT, "%n%s; run started %s, took %d s%n", machine(), startedAt,
                took.toSeconds()));
        return out.toString();
    }

    public void writeJson(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt.toString());
        json.put("tookSeconds", took.toSeconds());
        json.put("machine", machine());
        json.put("figures", figures);
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, %d GiB RAM, %s %s, Java %s", rt.availableProcessors(),
                memoryGiB(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"));
    }

    private static long memoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return 0;
    }

    private static String number(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
