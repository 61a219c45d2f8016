package io.limber.reminder.outbox;

import io.limber.reminder.db.Sql;
import io.limber.reminder.nudge.NudgeMetrics;
import io.limber.reminder.nudge.NudgeStore;
import io.limber.reminder.rules.NudgeKind;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes the outbox: takes a batch with {@code FOR UPDATE SKIP LOCKED} (so replicas share the work and never
 * send the same row together), sends it keyed by person, and deletes the rows once Kafka has acknowledged them,
 * in the same transaction. Runs on a timer and whenever a writer pokes it, so safety messages go out at once.
 */
@ApplicationScoped
public class OutboxRelay {

    static final int BATCH = 1000;
    /** The pending-count gauge is refreshed at most this often while a backlog drains (it counts the table). */
    static final Duration GAUGE_EVERY = Duration.ofSeconds(1);

    private final Pool pool;
    private final MutinyEmitter<String> nudges;
    private final MutinyEmitter<String> careReviews;
    private final NudgeMetrics metrics;
    private final Clock clock;
    private final Vertx vertx;
    private final long intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile long gaugeNanos;

    public OutboxRelay(Pool pool, @Channel("nudges") MutinyEmitter<String> nudges,
                       @Channel("care-reviews") MutinyEmitter<String> careReviews, NudgeMetrics metrics, Clock clock,
                       Vertx vertx, @ConfigProperty(name = "limber.outbox.interval", defaultValue = "PT0.5S")
                       Duration interval) {
        this.pool = pool;
        this.nudges = nudges;
        this.careReviews = careReviews;
        this.metrics = metrics;
        this.clock = clock;
        this.vertx = vertx;
        this.intervalMillis = interval.toMillis();
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(intervalMillis, id -> poke());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Publish what is waiting, now; if a run is under way, another follows it. */
    public void poke() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        relayBatch().subscribe().with(this::finished, failure -> {
            Log.warnf("outbox relay failed, retrying: %s", failure.getClass().getSimpleName());
            finished(0);
        });
    }

    private void finished(int published) {
        running.set(false);
        if (again.getAndSet(false) || published == BATCH) {
            poke();
        }
    }

    /** One batch in one transaction; returns how many rows it published. */
    public Uni<Integer> relayBatch() {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        SELECT id, topic, message_key, payload, kind, created_at FROM outbox
                        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(BATCH))
                .flatMap(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return oldestAge(tx).replaceWith(0);
                    }
                    // subscribed in order, so records of one person keep their order on the partition
                    List<Uni<Void>> sends = batch.stream().map(this::send).toList();
                    Long[] ids = batch.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
                    return Uni.join().all(sends).andFailFast()
                            .flatMap(sent -> tx.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids)))
                            .invoke(() -> batch.forEach(this::count))
                            .invoke(() -> Log.debugf("published %d outbox entries", batch.size()))
                            .flatMap(deleted -> batch.size() < BATCH ? oldestAge(tx) : throttledOldestAge(tx))
                            .replaceWith(batch.size());
                }));
    }

    private Uni<Void> send(Row row) {
        String topic = row.getString("topic");
        Message<String> message = Message.of(row.getString("payload"))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.getString("message_key"))
                        // structured mode, announced as the CloudEvents Kafka binding asks
                        .withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders(
                                io.limber.platform.events.CloudEventEnvelope.structuredHeaders()))
                        .build());
        return (NudgeStore.CARE_REVIEWS.equals(topic) ? careReviews : nudges).sendMessage(message);
    }

    private void count(Row row) {
        String kind = row.getString("kind");
        if (NudgeStore.CARE_REVIEWS.equals(row.getString("topic"))) {
            metrics.countCareReview(kind);
            return;
        }
        metrics.countPublished(kind);
        if (NudgeKind.SAFETY.wire().equals(kind) || NudgeKind.EMERGENCY.wire().equals(kind)) {
            metrics.safetyLatency(Duration.between(Sql.instant(row, "created_at"), Instant.now(clock)));
        }
    }

    private Uni<Void> throttledOldestAge(io.vertx.mutiny.sqlclient.SqlConnection tx) {
        return System.nanoTime() - gaugeNanos < GAUGE_EVERY.toNanos() ? Uni.createFrom().voidItem() : oldestAge(tx);
    }

    private Uni<Void> oldestAge(io.vertx.mutiny.sqlclient.SqlConnection tx) {
        gaugeNanos = System.nanoTime();
        return tx.query("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox").execute().invoke(rows -> {
            Row row = rows.iterator().next();
            Instant oldest = Sql.instant(row, "oldest");
            metrics.outbox(row.getLong("pending"),
                    oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now(clock)));
        }).replaceWithVoid();
    }
}
