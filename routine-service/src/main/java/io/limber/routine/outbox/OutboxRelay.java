package io.limber.routine.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the outbox. In one transaction it locks some lanes that have work ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas share lanes and never publish one key out of order), sends their rows in id order waiting for each
 * acknowledgement, and deletes what was sent. A crash at any point leaves unsent rows in place: they go out on the
 * next run, possibly a second time, which consumers absorb by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** What one run did. */
    public record Result(int sent, int failed) {
    }

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final int lanesPerRun;
    private final int batchSize;
    private final Counter plansPublished;
    private final Counter tombstonesPublished;
    private final Counter publishFailures;

    public OutboxRelay(Pool pool, MeterRegistry registry,
                       @ConfigProperty(name = "limber.outbox.lanes-per-run", defaultValue = "4") int lanesPerRun,
                       @ConfigProperty(name = "limber.outbox.batch-size", defaultValue = "200") int batchSize) {
        this.pool = pool;
        this.lanesPerRun = lanesPerRun;
        this.batchSize = batchSize;
        this.plansPublished = Counter.builder("limber.plans.published").tag("kind", "plan")
                .description("Records the relay put on the plans topic").register(registry);
        this.tombstonesPublished = Counter.builder("limber.plans.published").tag("kind", "tombstone")
                .description("Records the relay put on the plans topic").register(registry);
        this.publishFailures = Counter.builder("limber.outbox.publish.failures")
                .description("Outbox records Kafka did not acknowledge (retried on the next run)").register(registry);
    }

    /** One run over the lanes this replica can lock right now. */
    public Uni<Result> relayOnce(RecordSender sender) {
        return pool.withTransaction(connection -> {
            Context context = Vertx.currentContext();
            return connection.preparedQuery("""
                            SELECT l.lane FROM outbox_lane l
                            WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.lane = l.lane)
                            ORDER BY l.lane LIMIT $1 FOR UPDATE OF l SKIP LOCKED""")
                    .execute(Tuple.of(lanesPerRun))
                    .flatMap(lanes -> {
                        List<Integer> locked = new ArrayList<>();
                        lanes.forEach(row -> locked.add(row.getInteger("lane")));
                        if (locked.isEmpty()) {
                            return Uni.createFrom().item(new Result(0, 0));
                        }
                        return connection.preparedQuery("""
                                        SELECT id, topic, record_key, event_id, payload FROM outbox
                                        WHERE lane = ANY($1) ORDER BY id LIMIT $2""")
                                .execute(Tuple.of(locked.toArray(new Integer[0]), batchSize))
                                .flatMap(rows -> {
                                    List<OutboxRecord> records = new ArrayList<>();
                                    rows.forEach(row -> records.add(toRecord(row)));
                                    return sendInOrder(records, 0, new ArrayList<>(), sender, context)
                                            .flatMap(sent -> delete(connection, sent)
                                                    .map(ignored -> new Result(sent.size(), records.size() > sent.size() ? 1 : 0)));
                                });
                    });
        });
    }

    /** Sends one by one and stops at the first failure, so a later record of a key never overtakes an earlier one. */
    private Uni<List<OutboxRecord>> sendInOrder(List<OutboxRecord> records, int index, List<OutboxRecord> sent,
                                                RecordSender sender, Context context) {
        if (index == records.size()) {
            return Uni.createFrom().item(sent);
        }
        OutboxRecord record = records.get(index);
        // an answer that never comes must not hold the lanes forever; a late delivery is only a duplicate
        Uni<Void> sending = sender.send(record).ifNoItem().after(SEND_TIMEOUT).fail();
        if (context != null) {
            // the acknowledgement arrives on a Kafka thread; the SQL connection belongs to this context
            sending = sending.emitOn(command -> context.runOnContext(ignored -> command.run()));
        }
        return sending
                .map(ignored -> {
                    (record.tombstone() ? tombstonesPublished : plansPublished).increment();
                    sent.add(record);
                    return true;
                })
                .onFailure().recoverWithItem(failure -> {
                    publishFailures.increment();
                    Log.warnf("outbox record %d (event %s) not published, retried on the next run: %s", record.id(),
                            record.eventId(), failure.getMessage());
                    return false;
                })
                .flatMap(ok -> ok ? sendInOrder(records, index + 1, sent, sender, context) : Uni.createFrom().item(sent));
    }

    private static Uni<Void> delete(SqlConnection connection, List<OutboxRecord> sent) {
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = sent.stream().map(OutboxRecord::id).toArray(Long[]::new);
        return connection.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)").execute(Tuple.of(ids)).replaceWithVoid();
    }

    private static OutboxRecord toRecord(Row row) {
        return new OutboxRecord(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                row.getString("event_id"), row.getString("payload"));
    }
}
