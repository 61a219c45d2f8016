package io.limber.session.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes the outbox to Kafka in order and deletes each message once the broker has acknowledged it. Rows are
 * locked while they are sent, so several replicas never publish the same message at once. It drains the outbox
 * batch after batch when woken by a commit that wrote to it, and on a timer in case nobody does.
 */
@ApplicationScoped
public class OutboxRelay {

    static final int BATCH = 500;

    private final MutinyEmitter<Record<String, String>> adherence;
    private final Vertx vertx;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public OutboxRelay(@Channel("adherence-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                       MutinyEmitter<Record<String, String>> adherence, Vertx vertx) {
        this.adherence = adherence;
        this.vertx = vertx;
    }

    @Scheduled(every = "${limber.outbox.relay-interval:0.2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        if (!draining.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem(); // a drain is running: it takes what is there
        }
        return drain();
    }

    /**
     * Publishes what is pending now instead of at the next tick; called after a commit that filled the outbox.
     * When a drain is already running it looks again before it stops.
     */
    public void wake() {
        requested.set(true);
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(x -> drain().subscribe().with(done -> { }, e -> { }));
    }

    /** Publishes batch after batch until the outbox is empty and nobody asked to look again; then lets go. */
    private Uni<Void> drain() {
        requested.set(false);
        return Multi.createBy().repeating().uni(this::publishOnce)
                .whilst(published -> published == BATCH || (published >= 0 && requested.getAndSet(false)))
                .collect().last()
                .invoke(() -> {
                    draining.set(false);
                    if (requested.get()) { // woken between the last look and letting go
                        wake();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Integer> publishOnce() {
        return publishPending()
                .onFailure().invoke(e -> Log.warnf("outbox relay failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithItem(-1);
    }

    /** Publishes up to one batch; the number published. */
    @WithTransaction
    public Uni<Integer> publishPending() {
        Context context = Vertx.currentContext();
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery(
                                "select * from outbox order by id limit " + BATCH + " for update skip locked",
                                OutboxMessage.class)
                        .getResultList())
                .flatMap(batch -> batch.isEmpty() ? Uni.createFrom().item(0) : send(batch)
                        // back on the transaction's context: the acknowledgements arrive on Kafka's threads
                        .emitOn(r -> context.runOnContext(x -> r.run()))
                        .flatMap(x -> OutboxMessage.delete("id in ?1", batch.stream().map(m -> m.id).toList()))
                        .map(deleted -> batch.size()));
    }

    /** Structured mode, announced by its content-type header; a tombstone (null payload) carries none. */
    private static org.eclipse.microprofile.reactive.messaging.Message<Record<String, String>> message(OutboxMessage m) {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        if (m.payload != null) {
            io.limber.platform.events.CloudEventEnvelope.structuredHeaders().forEach(headers::add);
        }
        return org.eclipse.microprofile.reactive.messaging.Message.of(Record.of(m.messageKey, m.payload))
                .addMetadata(io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(m.messageKey).withHeaders(headers).build());
    }

    private Uni<Void> send(List<OutboxMessage> batch) {
        return Uni.join().all(batch.stream()
                        .map(m -> adherence.sendMessage(message(m)))
                        .toList())
                .andFailFast()
                .replaceWithVoid();
    }
}
