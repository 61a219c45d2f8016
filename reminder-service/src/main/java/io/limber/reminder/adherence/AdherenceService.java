package io.limber.reminder.adherence;

import com.fasterxml.jackson.databind.JsonNode;
import io.limber.reminder.db.Sql;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.nudge.NudgeMetrics;
import io.limber.reminder.nudge.NudgeStore;
import io.limber.reminder.outbox.OutboxRelay;
import io.limber.reminder.person.PersonRepository;
import io.limber.reminder.rules.Adherence;
import io.limber.reminder.rules.LapseRule;
import io.limber.reminder.rules.MilestoneRule;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.NudgePolicy;
import io.limber.reminder.rules.ProgressionRule;
import io.limber.reminder.rules.Verdict;
import io.limber.reminder.schedule.DueNudgeRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns adherence snapshots into lapse, milestone and progression nudges, each through the gate. A snapshot no
 * newer than the last one seen (redelivery, compaction replay) changes nothing.
 */
@ApplicationScoped
public class AdherenceService {

    private final Pool pool;
    private final PersonRepository persons;
    private final DueNudgeRepository dueRows;
    private final NudgeStore store;
    private final NudgeMetrics metrics;
    private final OutboxRelay relay;
    private final Clock clock;
    private final LapseRule lapse = new LapseRule();
    private final MilestoneRule milestone = new MilestoneRule();
    private final ProgressionRule progression = new ProgressionRule();
    private final NudgePolicy policy = new NudgePolicy();

    public AdherenceService(Pool pool, PersonRepository persons, DueNudgeRepository dueRows, NudgeStore store,
                            NudgeMetrics metrics, OutboxRelay relay, Clock clock) {
        this.pool = pool;
        this.persons = persons;
        this.dueRows = dueRows;
        this.store = store;
        this.metrics = metrics;
        this.relay = relay;
        this.clock = clock;
    }

    public Uni<Void> onAdherence(JsonNode event) {
        Adherence adherence = EventMapper.adherence(event.path("data"));
        Instant time = EventMapper.time(event);
        Instant now = Instant.now(clock);
        String userId = adherence.userId();
        return pool.withTransaction(tx -> persons.ensure(tx, userId)
                .flatMap(x -> tx.preparedQuery("""
                                SELECT adherence7, adherence_time, last_lapse_at FROM person
                                WHERE user_id = $1 FOR UPDATE""").execute(Tuple.of(userId)))
                .flatMap(rows -> {
                    Row person = rows.iterator().next();
                    Instant seen = Sql.instant(person, "adherence_time");
                    if (seen != null && !time.isAfter(seen)) {
                        return Uni.createFrom().voidItem();
                    }
                    Double previous7 = person.getDouble("adherence7");
                    Instant lastLapse = Sql.instant(person, "last_lapse_at");
                    return streaks(tx, userId).flatMap(streaks -> persons.plan(tx, userId).flatMap(plan -> {
                        List<NudgeDraft> drafts = new ArrayList<>();
                        lapse.evaluate(previous7, adherence, lastLapse, now).ifPresent(drafts::add);
                        drafts.addAll(milestone.evaluate(streaks, adherence, now));
                        plan.flatMap(p -> progression.evaluate(adherence, p, now)).ifPresent(drafts::add);
                        return Multi.createFrom().iterable(drafts)
                                .onItem().transformToUniAndConcatenate(draft -> gateAndApply(tx, draft, now))
                                .collect().asList()
                                .flatMap(x -> save(tx, adherence, time, drafts, now));
                    }));
                }))
                .invoke(relay::poke);
    }

    private Uni<Void> gateAndApply(SqlConnection tx, NudgeDraft draft, Instant now) {
        // the state is read again for each nudge, so the cap sees the ones just stored
        return persons.state(tx, draft.userId(), now).flatMap(state -> {
            Verdict verdict = policy.decide(draft, state, false, null, now);
            if (verdict instanceof Verdict.Send send) {
                return store.record(tx, send.nudge(), now).replaceWithVoid();
            }
            if (verdict instanceof Verdict.Defer defer) {
                return dueRows.insert(tx, draft, defer.until());
            }
            metrics.countSuppressed(draft.kind(), ((Verdict.Suppress) verdict).reason());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> save(SqlConnection tx, Adherence adherence, Instant time, List<NudgeDraft> drafts, Instant now) {
        boolean lapsed = drafts.stream().anyMatch(d -> d.kind() == NudgeKind.LAPSE);
        Uni<Void> person = tx.preparedQuery("""
                        UPDATE person SET adherence7 = $2, adherence_time = $3,
                            last_lapse_at = CASE WHEN $4 THEN $5 ELSE last_lapse_at END
                        WHERE user_id = $1""")
                .execute(Tuple.of(adherence.userId(), adherence.sessionAdherence7(), Sql.ts(time), lapsed,
                        Sql.ts(now)))
                .replaceWithVoid();
        return person.flatMap(x -> Multi.createFrom().iterable(adherence.routines())
                .onItem().transformToUniAndConcatenate(r -> tx.preparedQuery("""
                                INSERT INTO streak (user_id, routine_id, streak) VALUES ($1, $2, $3)
                                ON CONFLICT (user_id, routine_id) DO UPDATE SET streak = EXCLUDED.streak""")
                        .execute(Tuple.of(adherence.userId(), r.routineId(), r.streak())))
                .collect().last().replaceWithVoid());
    }

    private Uni<Map<String, Integer>> streaks(SqlConnection tx, String userId) {
        return tx.preparedQuery("SELECT routine_id, streak FROM streak WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> {
                    Map<String, Integer> streaks = new HashMap<>();
                    rows.forEach(r -> streaks.put(r.getString("routine_id"), r.getInteger("streak")));
                    return streaks;
                });
    }
}
