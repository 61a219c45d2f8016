package io.limber.reminder.nudge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.limber.reminder.rules.CareReview;
import io.limber.reminder.rules.NudgeDraft;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code nudge} and {@code care_review} tables and the outbox entries that publish them: writes a nudge or a care
 * review and its outbox entry, on the caller's transaction. The row's primary key is the
 * deterministic id, so a second attempt (redelivery, another replica) inserts nothing and queues nothing.
 */
@ApplicationScoped
public class NudgeStore {

    public static final String NUDGES = "nudges";
    public static final String CARE_REVIEWS = "care-reviews";

    private final CloudEventEnvelope envelope;

    public NudgeStore(ObjectMapper mapper) {
        this.envelope = new CloudEventEnvelope(mapper);
    }

    /** True when this call stored the nudge; false when it already existed. */
    public Uni<Boolean> record(Tx tx, NudgeDraft nudge, Instant now) {
        return tx.sql().preparedQuery("""
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

    /**
     * {@link #record} for many nudges in two statements: the nudges, then the outbox entries of those this call
     * stored, in the order given (one person's messages keep their order). Returns the ids it stored.
     */
    public Uni<Set<String>> recordAll(Tx tx, List<NudgeDraft> nudges, Instant now) {
        if (nudges.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = nudges.size();
        String[] ids = new String[n];
        String[] users = new String[n];
        String[] kinds = new String[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        String[] priorities = new String[n];
        String[] routines = new String[n];
        LocalDate[] dates = new LocalDate[n];
        OffsetDateTime[] expires = new OffsetDateTime[n];
        Boolean[] capped = new Boolean[n];
        for (int i = 0; i < n; i++) {
            NudgeDraft nudge = nudges.get(i);
            ids[i] = nudge.id();
            users[i] = nudge.userId();
            kinds[i] = nudge.kind().wire();
            titles[i] = nudge.title();
            bodies[i] = nudge.body();
            priorities[i] = nudge.kind().priority();
            routines[i] = nudge.routineId();
            dates[i] = nudge.occurrenceDate();
            expires[i] = Sql.ts(nudge.expiresAt());
            capped[i] = nudge.kind().isCapped();
        }
        return tx.sql().preparedQuery("""
                        INSERT INTO nudge (id, user_id, kind, title, body, priority, created_at, routine_id,
                                           occurrence_date, expires_at, capped)
                        SELECT id, user_id, kind, title, body, priority, $11, routine_id, occurrence_date, expires_at,
                               capped
                        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                    $8::date[], $9::timestamptz[], $10::boolean[])
                             AS t (id, user_id, kind, title, body, priority, routine_id, occurrence_date, expires_at,
                                   capped)
                        ON CONFLICT (id) DO NOTHING RETURNING id""")
                .execute(Tuple.from(new Object[] {ids, users, kinds, titles, bodies, priorities, routines, dates,
                        expires, capped, Sql.ts(now)}))
                .flatMap(rows -> {
                    Set<String> stored = new HashSet<>();
                    rows.forEach(row -> stored.add(row.getString("id")));
                    List<NudgeDraft> queued = nudges.stream().filter(nudge -> stored.contains(nudge.id())).toList();
                    if (queued.isEmpty()) {
                        return Uni.createFrom().item(stored);
                    }
                    String[] keys = queued.stream().map(NudgeDraft::userId).toArray(String[]::new);
                    String[] payloads = queued.stream().map(nudge -> json(NudgeMessage.of(nudge, now)))
                            .toArray(String[]::new);
                    String[] queuedKinds = queued.stream().map(nudge -> nudge.kind().wire()).toArray(String[]::new);
                    return tx.sql().preparedQuery("""
                                    INSERT INTO outbox (topic, message_key, payload, kind, created_at)
                                    SELECT $1, message_key, payload, kind, $5
                                    FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY
                                         AS t (message_key, payload, kind, position)
                                    ORDER BY position""")
                            .execute(Tuple.of(NUDGES, keys, payloads, queuedKinds, Sql.ts(now)))
                            .replaceWith(stored);
                });
    }

    /** True when this call stored the care review; false when it already existed. */
    public Uni<Boolean> requestReview(Tx tx, CareReview review, Instant now) {
        return tx.sql().preparedQuery("""
                        INSERT INTO care_review (id, user_id, reason, urgent, requested_at)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.of(review.id(), review.userId(), review.reason(), review.urgent(),
                        Sql.ts(review.requestedAt())))
                .flatMap(result -> result.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : enqueue(tx, CARE_REVIEWS, review.userId(), json(CareReviewMessage.of(review)),
                                review.reason(), now).replaceWith(true));
    }

    /** The nudges a person was sent, oldest first. */
    public Uni<List<SentNudge>> history(Tx tx, String userId) {
        return tx.sql().preparedQuery("""
                        SELECT id, kind, title, body, priority, routine_id, occurrence_date, expires_at, created_at
                        FROM nudge WHERE user_id = $1 ORDER BY created_at, id""")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<SentNudge> sent = new ArrayList<>();
                    rows.forEach(r -> sent.add(new SentNudge(r.getString("id"), r.getString("kind"),
                            r.getString("title"), r.getString("body"), r.getString("priority"),
                            r.getString("routine_id"), r.getLocalDate("occurrence_date"), Sql.instant(r, "expires_at"),
                            Sql.instant(r, "created_at"))));
                    return sent;
                });
    }

    /** The person's nudges, care reviews and unsent outbox entries (all keyed by the person). */
    public Uni<Void> erase(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM nudge WHERE user_id = $1").execute(Tuple.of(userId))
                .flatMap(x -> tx.sql().preparedQuery("DELETE FROM care_review WHERE user_id = $1")
                        .execute(Tuple.of(userId)))
                .flatMap(x -> tx.sql().preparedQuery("DELETE FROM outbox WHERE message_key = $1")
                        .execute(Tuple.of(userId)))
                .replaceWithVoid();
    }

    private Uni<Void> enqueue(Tx tx, String topic, String key, String payload, String kind, Instant now) {
        return tx.sql().preparedQuery("INSERT INTO outbox (topic, message_key, payload, kind, created_at) "
                        + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(topic, key, payload, kind, Sql.ts(now)))
                .replaceWithVoid();
    }

    /** The event in structured mode, written by the CloudEvents SDK (the one writer every producer shares). */
    private String json(Object message) {
        return envelope.write(message);
    }
}
