package io.limber.routine.metrics;

import io.limber.routine.plan.PlanStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/** The counts {@link OperationalGauges} shows, read straight from the tables (never by user). */
@ApplicationScoped
public class OperationalCountsRepository {

    /** Outbox records not yet acknowledged by Kafka, and when the oldest was written (null when none). */
    public record OutboxBacklog(long pending, Instant oldest) {
    }

    private final Pool pool;

    public OperationalCountsRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<OutboxBacklog> outboxBacklog() {
        return pool.query("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime oldest = row.getOffsetDateTime("oldest");
                    return new OutboxBacklog(row.getLong("pending"), oldest == null ? null : oldest.toInstant());
                });
    }

    /** Current plans by status; a status no plan has is absent. */
    public Uni<Map<PlanStatus, Long>> plansByStatus() {
        return pool.query("SELECT status, count(*) AS n FROM current_plan GROUP BY status").execute()
                .map(rows -> {
                    Map<PlanStatus, Long> counts = new EnumMap<>(PlanStatus.class);
                    rows.forEach(row -> counts.put(PlanStatus.fromWire(row.getString("status")), row.getLong("n")));
                    return counts;
                });
    }

    public Uni<Long> openReviews() {
        return pool.query("SELECT count(*) AS n FROM care_review WHERE status = 'open'").execute()
                .map(rows -> rows.iterator().next().getLong("n"));
    }
}
