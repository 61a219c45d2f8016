package io.limber.bench.ingest;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Watches a consumer take a known number of records: the clock starts at the first record seen taken (the start-up
 * of the consumer is not measured) and stops when all are; the rate counts only the records taken in between.
 */
final class Progress {

    /** The rate, the measured time, and whether all records were taken before the limit. */
    record Outcome(double perSecond, double seconds, boolean complete) {
    }

    /** How long a consumer may take to start and take its first records. */
    static final Duration START_UP = Duration.ofSeconds(120);

    private final long total;
    private final LongSupplier taken;

    Progress(long total, LongSupplier taken) {
        this.total = total;
        this.taken = taken;
    }

    /**
     * Waits until all records are taken, or {@code limit} after the first was (the consumer gets {@link #START_UP}
     * to take its first).
     */
    Outcome await(Duration limit, Duration lookEvery) {
        long deadline = System.nanoTime() + START_UP.toNanos();
        long firstSeen = -1;
        long firstAt = 0;
        while (true) {
            long now = System.nanoTime();
            long n = taken.getAsLong();
            if (firstSeen < 0 && n > 0) {
                firstSeen = n;
                firstAt = now;
                deadline = now + limit.toNanos();
            }
            if (n >= total || now > deadline) {
                double seconds = firstSeen < 0 ? START_UP.toMillis() / 1000.0 : (now - firstAt) / 1e9;
                double perSecond = firstSeen < 0 || seconds == 0 ? 0 : (n - firstSeen) / seconds;
                return new Outcome(perSecond, seconds, n >= total);
            }
            Pause.of(lookEvery);
        }
    }
}
