package io.limber.reminder.outbox;

import io.limber.platform.outbox.OutboxRelay;
import io.limber.reminder.nudge.NudgeMetrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;

/** Keeps the outbox backlog gauges ({@link NudgeMetrics#outbox}) current: rows waiting and the oldest one's age. */
@ApplicationScoped
public class OutboxBacklogGauges {

    static final Duration EVERY = Duration.ofSeconds(1);

    private final OutboxRelay relay;
    private final NudgeMetrics metrics;
    private final Clock clock;
    private final Vertx vertx;
    private long timerId = -1;

    public OutboxBacklogGauges(OutboxRelay relay, NudgeMetrics metrics, Clock clock, Vertx vertx) {
        this.relay = relay;
        this.metrics = metrics;
        this.clock = clock;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(EVERY.toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void refresh() {
        relay.backlog().subscribe().with(
                backlog -> metrics.outbox(backlog.pending(), backlog.oldest() == null ? Duration.ZERO
                        : Duration.between(backlog.oldest(), clock.instant())),
                failure -> Log.debugf("outbox gauges not refreshed: %s", failure.getMessage()));
    }
}
