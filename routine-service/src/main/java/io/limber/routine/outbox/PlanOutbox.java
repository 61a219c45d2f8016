package io.limber.routine.outbox;

import io.limber.platform.outbox.OutboxRecord;
import io.limber.platform.outbox.OutboxRelay;
import io.limber.platform.outbox.OutboxTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * routine-service's outbox for platform/outbox's relay: the {@code outbox} table keyed by {@code record_key}, and
 * the count of plans and tombstones the relay put on the plans topic.
 */
@ApplicationScoped
public class PlanOutbox implements OutboxRelay.Published {

    private final Counter plansPublished;
    private final Counter tombstonesPublished;

    public PlanOutbox(MeterRegistry registry) {
        this.plansPublished = Counter.builder("limber.plans.published").tag("kind", "plan")
                .description("Records the relay put on the plans topic").register(registry);
        this.tombstonesPublished = Counter.builder("limber.plans.published").tag("kind", "tombstone")
                .description("Records the relay put on the plans topic").register(registry);
    }

    @Produces
    @Singleton
    static OutboxTable table() {
        return new OutboxTable("outbox", "record_key", null);
    }

    @Override
    public void published(OutboxRecord record) {
        (record.tombstone() ? tombstonesPublished : plansPublished).increment();
    }
}
