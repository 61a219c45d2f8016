package io.limber.routine.metrics;

import io.limber.routine.plan.PlanStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gauges read from the database every few seconds, never labelled by user: plans by status, open care reviews,
 * and the outbox backlog (count, and the age of its oldest entry, which is how late the plans topic is).
 */
@ApplicationScoped
public class OperationalGauges {

    private final OperationalCountsRepository counts;
    private final Clock clock;
    private final Vertx vertx;
    private final long refreshMillis;
    private final Map<PlanStatus, AtomicLong> plansByStatus = new EnumMap<>(PlanStatus.class);
    private final AtomicLong openReviews = new AtomicLong();
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicReference<Instant> oldestUnsent = new AtomicReference<>();
    private long timerId = -1;

    public OperationalGauges(OperationalCountsRepository counts, Clock clock, Vertx vertx, MeterRegistry registry,
                             @ConfigProperty(name = "limber.metrics.refresh-millis", defaultValue = "5000") long refreshMillis) {
        this.counts = counts;
        this.clock = clock;
        this.vertx = vertx;
        this.refreshMillis = refreshMillis;
        for (PlanStatus status : PlanStatus.values()) {
            AtomicLong value = new AtomicLong();
            plansByStatus.put(status, value);
            Gauge.builder("limber.plans", value, AtomicLong::get).tag("status", status.wire())
                    .description("Current plans by status").register(registry);
        }
        Gauge.builder("limber.care.reviews.open", openReviews, AtomicLong::get)
                .description("Care reviews waiting for a professional").register(registry);
        Gauge.builder("limber.outbox.pending", outboxPending, AtomicLong::get)
                .description("Outbox records not yet acknowledged by Kafka").register(registry);
        Gauge.builder("limber.outbox.oldest.age.seconds", this, OperationalGauges::lagSeconds)
                .description("Age of the oldest outbox record not yet published (0 when empty)").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
        timerId = vertx.setPeriodic(refreshMillis, id -> refresh());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    double lagSeconds() {
        Instant oldest = oldestUnsent.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now(clock)).toMillis() / 1000.0);
    }

    private void refresh() {
        counts.outboxBacklog()
                .invoke(backlog -> {
                    outboxPending.set(backlog.pending());
                    oldestUnsent.set(backlog.oldest());
                })
                .chain(counts::plansByStatus)
                .invoke(byStatus -> plansByStatus.forEach((status, value) ->
                        value.set(byStatus.getOrDefault(status, 0L))))
                .chain(counts::openReviews)
                .invoke(openReviews::set)
                .subscribe().with(ignored -> { }, failure -> Log.debugf("gauges not refreshed: %s", failure.getMessage()));
    }
}
