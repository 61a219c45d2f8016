package io.limber.reminder.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.DateTimeException;
import java.time.Duration;

/**
 * How consumers treat failures: an event we cannot read goes to the dead-letter topic at once, but a database or
 * broker hiccup is retried with back-off first, so a valid pain-stop is not parked in a DLQ by a short outage.
 * The partition waits meanwhile, which keeps each person's events in order.
 */
public final class Retry {

    static final int ATTEMPTS = 15;

    private Retry() {
    }

    public static <T> Uni<T> transientFailures(Uni<T> work) {
        return work.onFailure(Retry::isTransient)
                .invoke(failure -> Log.warnf("retrying after a transient failure: %s", failure.getClass().getSimpleName()))
                .onFailure(Retry::isTransient)
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(ATTEMPTS);
    }

    /** As {@link #transientFailures}, counting the outcome in {@code limber.events.consumed}. */
    public static <T> Uni<T> consumed(String topic, io.limber.reminder.nudge.NudgeMetrics metrics, Uni<T> work) {
        return transientFailures(work)
                .invoke(() -> metrics.countConsumed(topic, "processed"))
                .onFailure().invoke(() -> metrics.countConsumed(topic, "dead-lettered"));
    }

    public static boolean isTransient(Throwable failure) {
        return !(failure instanceof IllegalArgumentException || failure instanceof DateTimeException
                || failure instanceof NullPointerException);
    }
}
