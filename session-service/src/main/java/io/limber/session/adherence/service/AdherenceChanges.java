package io.limber.session.adherence.service;

import io.limber.platform.db.Transactions;
import io.limber.platform.db.Tx;
import io.limber.session.adherence.Activity;
import io.limber.session.adherence.AdherenceCalculator;
import io.limber.session.adherence.AdherenceCheckpoint;
import io.limber.session.adherence.CheckpointChain;
import io.limber.session.adherence.PlanCalendar;
import io.limber.session.adherence.PlanVersion;
import io.limber.session.adherence.repository.PersonRepository;
import io.limber.session.adherence.repository.PersonRepository.PersonRow;
import io.limber.session.adherence.repository.PlanVersionRepository;
import io.limber.session.adherence.repository.ProcessedEventRepository;
import io.limber.session.adherence.repository.SessionEventRepository;
import io.limber.session.adherence.repository.SessionEventRepository.NewEvent;
import io.limber.session.outbox.OutboxRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one write path for everything that changes a person's adherence: a batch of session events, a plan version, a
 * plan tombstone, a local day ending (or a running session becoming abandoned). Each is one transaction of the same
 * shape: lock the people, deduplicate and store what arrived, recompute each person once from their checkpoint,
 * store the person and put the changed snapshots in the outbox (whose own trigger wakes the relay on commit).
 */
@ApplicationScoped
public class AdherenceChanges {

    /** A session event that passed validation: whose, its CloudEvent type and what it reports. */
    public record ReportedEvent(String userId, String type, Activity activity) {
    }

    /** What became of an event of a batch. */
    public enum Acceptance { STORED, DUPLICATE, UNKNOWN_USER }

    private final Clock clock;
    private final Transactions transactions;
    private final PersonRepository people;
    private final SessionEventRepository events;
    private final PlanVersionRepository plans;
    private final ProcessedEventRepository processed;
    private final OutboxRepository outbox;
    private final AdherenceMetrics metrics;

    public AdherenceChanges(Clock clock, Transactions transactions, PersonRepository people,
                            SessionEventRepository events, PlanVersionRepository plans,
                            ProcessedEventRepository processed, OutboxRepository outbox, AdherenceMetrics metrics) {
        this.clock = clock;
        this.transactions = transactions;
        this.people = people;
        this.events = events;
        this.plans = plans;
        this.processed = processed;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** The fate of each event, in the order given; nothing is stored for a person session-service does not know. */
    public Uni<List<Acceptance>> acceptEvents(List<ReportedEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        List<String> users = batch.stream().map(ReportedEvent::userId).distinct().toList();
        return transactions.inTransaction(tx -> people.lock(tx, users).flatMap(known -> {
            Acceptance[] result = new Acceptance[batch.size()];
            Map<Activity.EventKey, Integer> first = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                ReportedEvent event = batch.get(i);
                if (!known.containsKey(event.userId())) {
                    result[i] = Acceptance.UNKNOWN_USER;
                } else if (first.putIfAbsent(event.activity().key(), i) != null) {
                    result[i] = Acceptance.DUPLICATE;
                }
            }
            List<NewEvent> candidates = first.values().stream()
                    .map(i -> new NewEvent(batch.get(i).userId(), batch.get(i).type(), batch.get(i).activity()))
                    .toList();
            return events.insertNew(tx, candidates, now).flatMap(stored -> {
                Map<String, List<Activity>> added = new LinkedHashMap<>();
                for (int i : first.values()) {
                    ReportedEvent event = batch.get(i);
                    boolean isNew = stored.contains(event.activity().key());
                    result[i] = isNew ? Acceptance.STORED : Acceptance.DUPLICATE; // else stored by an earlier batch
                    if (isNew) {
                        added.computeIfAbsent(event.userId(), u -> new ArrayList<>()).add(event.activity());
                    }
                }
                Map<String, PersonRow> changed = new LinkedHashMap<>(known);
                changed.keySet().retainAll(added.keySet());
                return recompute(tx, changed, added, Map.of(), now, AdherenceMetrics.Trigger.EVENT);
            }).replaceWith(() -> Arrays.asList(result));
        }));
    }

    /** Stores the plan version once per CloudEvent (source, id) and recomputes adherence; true when it was new. */
    public Uni<Boolean> acceptPlan(String userId, String source, String id, PlanVersion plan, String payload) {
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> processed.markNew(tx, source, id, userId, now).flatMap(isNew -> {
            if (!isNew) {
                return Uni.createFrom().item(false);
            }
            return people.insertIfAbsent(tx, userId, now)
                    .flatMap(x -> people.lock(tx, List.of(userId)))
                    .flatMap(locked -> plans.insert(tx, userId, plan, payload)
                            .flatMap(x -> recompute(tx, locked, Map.of(), Map.of(userId, plan), now,
                                    AdherenceMetrics.Trigger.PLAN)))
                    .replaceWith(true);
        }));
    }

    /** Deletes everything held about the person and publishes a tombstone on {@code adherence}. */
    public Uni<Void> erase(String userId) {
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> people.lock(tx, List.of(userId))
                .flatMap(x -> outbox.deleteKey(tx, userId))
                .flatMap(x -> processed.deletePerson(tx, userId))
                .flatMap(x -> events.deletePerson(tx, userId))
                .flatMap(x -> plans.deletePerson(tx, userId))
                .flatMap(x -> people.delete(tx, userId))
                .flatMap(x -> outbox.add(tx, List.of(new OutboxRepository.Message(Recomputation.TOPIC, userId, null)),
                        now)));
    }

    /**
     * Re-evaluates up to {@code limit} people whose local day ended (or whose running session became abandoned)
     * by {@code now}, skipping any another replica is re-evaluating; how many it did.
     */
    public Uni<Integer> reevaluateDue(Instant now, int limit) {
        return transactions.inTransaction(tx -> people.lockDue(tx, now, limit).flatMap(due ->
                recompute(tx, due, Map.of(), Map.of(), now, AdherenceMetrics.Trigger.DAY_END).replaceWith(due.size())));
    }

    /**
     * Recomputes each locked person once, from their checkpoint unless something that arrived reaches back into its
     * days (then from the whole history), and stores the people and the changed snapshots.
     */
    private Uni<Void> recompute(Tx tx, Map<String, PersonRow> locked, Map<String, List<Activity>> added,
                                Map<String, PlanVersion> newPlans, Instant now, AdherenceMetrics.Trigger trigger) {
        if (locked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> users = List.copyOf(locked.keySet());
        return plans.of(tx, users).flatMap(versions -> {
            Map<String, List<AdherenceCheckpoint>> kept = new HashMap<>();
            Map<String, Instant> readFrom = new HashMap<>();
            int fromTheStart = 0;
            for (String user : users) {
                List<PlanVersion> own = versions.get(user);
                PlanVersion plan = newPlans.get(user);
                List<Activity> arrived = added.getOrDefault(user, List.of());
                // back to the newest checkpoint nothing that arrived reaches into
                List<AdherenceCheckpoint> valid = CheckpointChain.upToNewestValid(locked.get(user).checkpoints(),
                        c -> (plan != null && c.isRewrittenBy(plan)) || arrived.stream().anyMatch(a -> c.isRewrittenBy(a, own)));
                AdherenceCheckpoint since = CheckpointChain.start(valid);
                fromTheStart += since.isNone() ? 1 : 0;
                kept.put(user, valid);
                readFrom.put(user, readFrom(since, own, now));
            }
            int wholeHistories = fromTheStart;
            // read and compute a few people at a time: a whole history (a year uploaded at once, a batch of late
            // events) must not all sit in memory for a batch of a thousand people
            List<List<String>> groups = groups(users, kept);
            List<PersonRepository.PersonUpdate> updates = new ArrayList<>(users.size());
            List<OutboxRepository.Message> messages = new ArrayList<>();
            int[] abandoned = {0};
            return Multi.createFrom().iterable(groups)
                    .onItem().transformToUniAndConcatenate(group -> events.since(tx, subset(readFrom, group))
                            .invoke(activities -> {
                                for (String user : group) {
                                    Recomputation.Result result = Recomputation.of(locked.get(user),
                                            versions.get(user), activities.get(user), kept.get(user), now);
                                    updates.add(result.person());
                                    result.message().ifPresent(messages::add);
                                    abandoned[0] += result.newlyAbandoned();
                                }
                            }))
                    .collect().last()
                    .flatMap(x -> people.update(tx, updates))
                    .flatMap(x -> outbox.add(tx, messages, now))
                    .invoke(() -> {
                        metrics.recomputed(trigger, users.size());
                        metrics.fromTheStart(wholeHistories);
                        metrics.abandoned(abandoned[0]);
                    });
        });
    }

    /** People read together: up to {@value #FROM_CHECKPOINT_GROUP} from a checkpoint, {@value #WHOLE_HISTORY_GROUP} from the start. */
    static final int FROM_CHECKPOINT_GROUP = 500;
    static final int WHOLE_HISTORY_GROUP = 20;

    static List<List<String>> groups(List<String> users, Map<String, List<AdherenceCheckpoint>> kept) {
        List<List<String>> groups = new ArrayList<>();
        List<String> fromCheckpoint = users.stream().filter(u -> !kept.get(u).isEmpty()).toList();
        List<String> wholeHistory = users.stream().filter(u -> kept.get(u).isEmpty()).toList();
        for (int i = 0; i < fromCheckpoint.size(); i += FROM_CHECKPOINT_GROUP) {
            groups.add(fromCheckpoint.subList(i, Math.min(fromCheckpoint.size(), i + FROM_CHECKPOINT_GROUP)));
        }
        for (int i = 0; i < wholeHistory.size(); i += WHOLE_HISTORY_GROUP) {
            groups.add(wholeHistory.subList(i, Math.min(wholeHistory.size(), i + WHOLE_HISTORY_GROUP)));
        }
        return groups;
    }

    private static Map<String, Instant> subset(Map<String, Instant> readFrom, List<String> users) {
        Map<String, Instant> subset = new HashMap<>();
        users.forEach(u -> subset.put(u, readFrom.get(u)));
        return subset;
    }

    /**
     * The earliest instant a recompute from {@code since} must read events from (null: all): the read-back before
     * the day after the checkpoint or the 28-day window's start, whichever is earlier, less a day so that no zone's
     * local date is cut short.
     */
    static Instant readFrom(AdherenceCheckpoint since, List<PlanVersion> versions, Instant now) {
        if (since.isNone() || versions.isEmpty()) {
            return null;
        }
        LocalDate windowStart = new PlanCalendar(versions).dateOf(now).minusDays(27);
        LocalDate afterCheckpoint = since.closedThrough().plusDays(1);
        LocalDate from = (afterCheckpoint.isBefore(windowStart) ? afterCheckpoint : windowStart)
                .minusDays(AdherenceCalculator.CHECKPOINT_READ_BACK);
        return from.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(1));
    }

}
