package io.limber.routine.erasure;

import io.limber.routine.carereview.CareReview;
import io.limber.routine.outbox.KafkaRecordSender;
import io.limber.routine.outbox.OutboxEntry;
import io.limber.routine.plan.CurrentPlan;
import io.limber.routine.plan.PlanHistoryEntry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Erases a person: their plan and its history, their care reviews, and any plan snapshot still waiting in the
 * outbox; then queues a tombstone on {@code plans}, which every consumer reads as "erase this user".
 */
@ApplicationScoped
public class ErasureService {

    private final Clock clock;

    public ErasureService(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Void> erase(String userId) {
        // Unsent snapshots go too: they hold the data being erased, and the tombstone supersedes them anyway.
        return CurrentPlan.delete("userId = ?1", userId)
                .flatMap(ignored -> PlanHistoryEntry.delete("userId = ?1", userId))
                .flatMap(ignored -> CareReview.delete("userId = ?1", userId))
                .flatMap(ignored -> OutboxEntry.delete("topic = ?1 and recordKey = ?2", KafkaRecordSender.TOPIC, userId))
                .flatMap(ignored -> OutboxEntry.of(KafkaRecordSender.TOPIC, userId, null, null, Instant.now(clock)).persist())
                .replaceWithVoid();
    }
}
