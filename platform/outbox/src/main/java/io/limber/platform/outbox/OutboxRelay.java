package io.limber.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Publishes an outbox table. In one transaction it locks some lanes that have work ({@code FOR UPDATE SKIP LOCKED},
 * so replicas share lanes and never publish one key at the same time), sends their rows in id order, and deletes
 * what Kafka acknowledged. A crash at any point leaves unsent rows in place: they go out on the next run, possibly a
 * second time, which consumers absorb by event id (or, on a compacted topic, by keeping the last value).
 */
public final class OutboxRelay {

    /** What one run did: records acknowledged (and deleted), records that failed (left for the next run). */
    public record Result(int sent, int failed) {
    }

    /** Rows waiting and when the oldest was written (null when none). */
    public record Backlog(long pending, Instant oldest) {
    }

    /** Told of each record Kafka acknowledged, for the service's own meters. */
    @FunctionalInterface
    public interface Published {
        void published(OutboxRecord record);
    }

    // JBoss Logging, not io.quarkus.logging.Log: Quarkus rewrites Log calls only in application classes, not in a jar.
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final OutboxTable table;
    private final int lanesPerRun;
    private final int batchSize;
    private final Published published;
    private final Counter publishFailures;

    public OutboxRelay(Pool pool, OutboxTable table, int lanesPerRun, int batchSize, Published published,
                       MeterRegistry registry) {
        this.pool = pool;
        this.table = table;
        this.lanesPerRun = lanesPerRun;
        this.batchSize = batchSize;
        this.published = published;
        this.publishFailures = Counter.builder("limber.outbox.publish.failures")
                .description("Outbox records Kafka did not acknowledge (retried on the next run)").register(registry);
    }

    public OutboxTable table() {
        return table;
    }

    public int batchSize() {
        return batchSize;
    }

    /** One run over the lanes this relay can lock right now. */
    public Uni<Result> relayOnce(RecordSender sender) {
        return pool.withTransaction(connection -> {
            Context context = Vertx.currentContext();
            return connection.preparedQuery(table.lockLanes()).execute(Tuple.of(lanesPerRun))
                    .flatMap(lanes -> {
                        List<Integer> locked = new ArrayList<>();
                        lanes.forEach(row -> locked.add(row.getInteger("lane")));
                        if (locked.isEmpty()) {
                            return Uni.createFrom().item(new Result(0, 0));
                        }
                        return connection.preparedQuery(table.readLanes())
                                .execute(Tuple.of(locked.toArray(new Integer[0]), batchSize))
                                .flatMap(rows -> {
                                    List<OutboxRecord> records = new ArrayList<>();
                                    rows.forEach(row -> records.add(toRecord(row)));
                                    if (records.isEmpty()) { // erased since the lanes were chosen
                                        return Uni.createFrom().item(new Result(0, 0));
                                    }
                                    return sendAll(records, sender, context)
                                            .flatMap(acknowledged -> deleteInOrder(connection, records, acknowledged));
                                });
                    });
        });
    }

    /** How much is waiting, for the service's backlog gauges. */
    public Uni<Backlog> backlog() {
        return pool.query(table.backlog()).execute().map(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime oldest = row.getOffsetDateTime("oldest");
            return new Backlog(row.getLong("pending"), oldest == null ? null : oldest.toInstant());
        });
    }

    /**
     * Sends every record, subscribed in id order so one producer keeps one key's order on its partition, and answers
     * which were acknowledged. A send that fails or never answers is only logged here.
     */
    private Uni<boolean[]> sendAll(List<OutboxRecord> records, RecordSender sender, Context context) {
        boolean[] acknowledged = new boolean[records.size()];
        List<Uni<Void>> sends = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            int index = i;
            OutboxRecord record = records.get(i);
            sends.add(Uni.createFrom().deferred(() -> sender.send(record))
                    // an answer that never comes must not hold the lanes forever; a late delivery is only a duplicate
                    .ifNoItem().after(SEND_TIMEOUT).fail()
                    .invoke(() -> acknowledged[index] = true)
                    .onFailure().recoverWithUni(failure -> {
                        LOG.warnf("outbox record %d (%s) not published, retried on the next run: %s", record.id(),
                                record.topic(), failure.getMessage());
                        return Uni.createFrom().voidItem();
                    }));
        }
        Uni<boolean[]> all = Uni.join().all(sends).andFailFast().replaceWith(acknowledged);
        // the acknowledgements arrive on a Kafka thread; the SQL connection belongs to the run's context
        return context == null ? all : all.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    /**
     * Deletes, per key, the acknowledged records before the key's first failure: a later record of a key that got
     * through while an earlier one failed is sent again after it, so the last record of a key on the topic is always
     * its newest.
     */
    private Uni<Result> deleteInOrder(SqlConnection connection, List<OutboxRecord> records, boolean[] acknowledged) {
        Set<String> blocked = new HashSet<>();
        List<Long> done = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < records.size(); i++) {
            OutboxRecord record = records.get(i);
            if (!acknowledged[i]) {
                failed++;
                publishFailures.increment();
                blocked.add(record.key());
            } else if (!blocked.contains(record.key())) {
                done.add(record.id());
                count(record);
            }
        }
        Result result = new Result(done.size(), failed);
        if (done.isEmpty()) {
            return Uni.createFrom().item(result);
        }
        return connection.preparedQuery(table.delete()).execute(Tuple.of(done.toArray(new Long[0])))
                .replaceWith(result);
    }

    /** A meter must never hold back a publication. */
    private void count(OutboxRecord record) {
        try {
            published.published(record);
        } catch (RuntimeException e) {
            LOG.warnf("outbox record %d published but not counted: %s", record.id(), e.toString());
        }
    }

    private static OutboxRecord toRecord(Row row) {
        OffsetDateTime createdAt = row.getOffsetDateTime("created_at");
        return new OutboxRecord(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                row.getString("payload"), row.getString("kind"), createdAt == null ? null : createdAt.toInstant());
    }
}
