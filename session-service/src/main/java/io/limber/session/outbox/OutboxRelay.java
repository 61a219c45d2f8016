package io.limber.session.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes the outbox to Kafka in order and deletes each message once the broker has acknowledged it. Rows are
 * locked while they are sent, so several replicas never publish the same message at once.
 */
@ApplicationScoped
public class OutboxRelay {

    static final int BATCH = 500;

    private final MutinyEmitter<Record<String, String>> adherence;

    public OutboxRelay(@Channel("adherence-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                       MutinyEmitter<Record<String, String>> adherence) {
        this.adherence = adherence;
    }

    @Scheduled(every = "${limber.outbox.relay-interval:0.2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return publishPending()
                .onFailure().invoke(e -> Log.warnf("outbox relay failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
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

    private Uni<Void> send(List<OutboxMessage> batch) {
        return Uni.join().all(batch.stream()
                        .map(m -> adherence.send(Record.of(m.messageKey, m.payload)))
                        .toList())
                .andFailFast()
                .replaceWithVoid();
    }
}
