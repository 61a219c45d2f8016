package io.limber.platform.outbox;

import io.smallrye.mutiny.Uni;

/**
 * Puts one outbox record on Kafka; the Uni completes once the broker acknowledged it. The port lets a test crash the
 * relay between commit and publish, or between publish and acknowledgement.
 */
@FunctionalInterface
public interface RecordSender {

    Uni<Void> send(OutboxRecord record);
}
