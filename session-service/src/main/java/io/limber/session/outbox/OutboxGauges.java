package io.limber.session.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox backlog as gauges (rows not yet published, age of the oldest: how late the adherence topic is), read
 * from the database every few seconds; registered at start so /q/metrics shows them at once.
 */
@ApplicationScoped
@Startup
public class OutboxGauges {

    private final Pool pool;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    public OutboxGauges(Pool pool, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        Gauge.builder("limber.outbox.pending", pending, AtomicLong::get)
                .description("Outbox records not yet acknowledged by Kafka").register(registry);
        Gauge.builder("limber.outbox.oldest.age.seconds", this, OutboxGauges::oldestAgeSeconds)
                .description("Age of the oldest outbox record not yet published (0 when empty)").register(registry);
    }

    double oldestAgeSeconds() {
        Instant at = oldest.get();
        return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }

    @Scheduled(every = "${limber.metrics.refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox").execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending.set(row.getLong("pending"));
                    OffsetDateTime at = row.getOffsetDateTime("oldest");
                    oldest.set(at == null ? null : at.toInstant());
                })
                .onFailure().invoke(e -> Log.debugf("outbox gauges not refreshed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
