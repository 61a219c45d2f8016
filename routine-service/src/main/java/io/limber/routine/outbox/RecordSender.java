package io.limber.routine.outbox;

import io.smallrye.mutiny.Uni;

/** Puts one outbox record on Kafka; the Uni completes once the broker acknowledged it. */
@FunctionalInterface
public interface RecordSender {

    Uni<Void> send(OutboxRecord record);
}
