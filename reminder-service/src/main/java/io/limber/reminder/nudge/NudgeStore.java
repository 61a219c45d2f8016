package io.limber.reminder.nudge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.reminder.db.Sql;
import io.limber.reminder.rules.CareReview;
import io.limber.reminder.rules.NudgeDraft;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Writes a nudge or a care review and its outbox entry, on the caller's transaction. The row's primary key is the
 * deterministic id, so a second attempt (redelivery, another replica) inserts nothing and queues nothing.
 */
@ApplicationScoped
public class NudgeStore {

    public static final String NUDGES = "nudges";
    public static final String CARE_REVIEWS = "care-reviews";

    private final ObjectMapper mapper;

    public NudgeStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** True when this call stored the nudge; false when it already existed. */
    public Uni<Boolean> record(SqlConnection tx, NudgeDraft nudge, Instant now) {
        return tx.preparedQuery("""
                        INSERT INTO nudge (id, user_id, kind, title, body, priority, created_at, routine_id,
                                           occurrence_date, expires_at, capped)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.from(new Object[] {nudge.id(), nudge.userId(), nudge.kind().wire(), nudge.title(),
                        nudge.body(), nudge.kind().priority(), Sql.ts(now), nudge.routineId(),
                        nudge.occurrenceDate(), Sql.ts(nudge.expiresAt()), nudge.kind().isCapped()}))
                .flatMap(result -> result.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : enqueue(tx, NUDGES, nudge.userId(), json(NudgeMessage.of(nudge, now)), nudge.kind().wire(),
                                now).replaceWith(true));
    }

    /** True when this call stored the care review; false when it already existed. */
    public Uni<Boolean> requestReview(SqlConnection tx, CareReview review, Instant now) {
        return tx.preparedQuery("""
                        INSERT INTO care_review (id, user_id, reason, urgent, requested_at)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.of(review.id(), review.userId(), review.reason(), review.urgent(),
                        Sql.ts(review.requestedAt())))
                .flatMap(result -> result.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : enqueue(tx, CARE_REVIEWS, review.userId(), json(CareReviewMessage.of(review)),
                                review.reason(), now).replaceWith(true));
    }

    private Uni<Void> enqueue(SqlConnection tx, String topic, String key, String payload, String kind, Instant now) {
        return tx.preparedQuery("INSERT INTO outbox (topic, message_key, payload, kind, created_at) "
                        + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(topic, key, payload, kind, Sql.ts(now)))
                .replaceWithVoid();
    }

    private String json(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }
}
