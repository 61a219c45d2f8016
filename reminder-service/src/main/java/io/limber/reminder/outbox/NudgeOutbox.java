package io.limber.reminder.outbox;

import io.limber.platform.outbox.OutboxRecord;
import io.limber.platform.outbox.OutboxRelay;
import io.limber.platform.outbox.OutboxTable;
import io.limber.reminder.nudge.NudgeMetrics;
import io.limber.reminder.nudge.NudgeStore;
import io.limber.reminder.rules.NudgeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * reminder-service's outbox for platform/outbox's relay: the {@code outbox} table keyed by {@code message_key} with
 * its {@code kind}, and what the relay's publications count (nudges and care reviews by kind, and how long a safety
 * or emergency message waited between its commit and Kafka's acknowledgement).
 */
@ApplicationScoped
public class NudgeOutbox implements OutboxRelay.Published {

    private final NudgeMetrics metrics;
    private final Clock clock;

    public NudgeOutbox(NudgeMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Produces
    @Singleton
    static OutboxTable table() {
        return new OutboxTable("outbox", "message_key", "kind");
    }

    @Override
    public void published(OutboxRecord record) {
        if (record.kind() == null) {
            return; // every row the service writes has a kind; only a test's may not
        }
        if (NudgeStore.CARE_REVIEWS.equals(record.topic())) {
            metrics.countCareReview(record.kind());
            return;
        }
        metrics.countPublished(record.kind());
        if (NudgeKind.SAFETY.wire().equals(record.kind()) || NudgeKind.EMERGENCY.wire().equals(record.kind())) {
            metrics.safetyLatency(Duration.between(record.createdAt(), clock.instant()));
        }
    }
}
