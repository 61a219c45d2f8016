package io.limber.bench.support;

import java.util.Arrays;
import java.util.Collection;

/** A set of measured latencies in milliseconds, with nearest-rank percentiles. */
public record Latencies(double[] sortedMillis) {

    public static Latencies of(Collection<Double> millis) {
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return new Latencies(values);
    }

    public int count() {
        return sortedMillis.length;
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]. */
    public double percentile(double p) {
        if (sortedMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }

    public double max() {
        return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
    }
}
