package io.limber.bench;

/**
 * One measured figure, printed as a row of the table: what was measured, its value, and the baseline it is
 * compared with (measured in the same run), with the target and whether it was met.
 *
 * @param benchmark the benchmark's name, e.g. {@code ingest}
 * @param measure   what this row measures, e.g. {@code session-service, 1 replica}
 * @param value     the measured value
 * @param unit      e.g. {@code events/s}, {@code ms}, {@code MiB}
 * @param baseline  the baseline's value in the same unit, or {@code null} when the row is itself a reference
 * @param baselineName what the baseline is, e.g. {@code plain consumer, batched inserts}
 * @param target    the target as text, e.g. {@code >= 20000 events/s}, or {@code null}
 * @param met       whether the target was met, or {@code null} when there is none
 */
public record Figure(String benchmark, String measure, double value, String unit, Double baseline,
                     String baselineName, String target, Boolean met) {

    public static Figure of(String benchmark, String measure, double value, String unit) {
        return new Figure(benchmark, measure, value, unit, null, null, null, null);
    }

    public Figure against(String baselineName, double baselineValue) {
        return new Figure(benchmark, measure, value, unit, baselineValue, baselineName, target, met);
    }

    public Figure target(String target, boolean met) {
        return new Figure(benchmark, measure, value, unit, baseline, baselineName, target, met);
    }

    /** value / baseline, or {@code null} without a baseline. */
    public Double ratio() {
        return baseline == null || baseline == 0 ? null : value / baseline;
    }
}
