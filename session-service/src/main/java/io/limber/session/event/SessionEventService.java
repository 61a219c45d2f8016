package io.limber.session.event;

import io.limber.session.adherence.Activity;
import io.limber.session.adherence.service.AdherenceService;
import io.limber.session.adherence.service.HistoryCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accepts valid session events a batch at a time, once per CloudEvent (source, id): in one transaction it locks the
 * people concerned, records the new events as processed and stores them (set-wise, a duplicate changes nothing),
 * then recomputes each person's adherence once from their full history (kept parsed in memory between batches, see
 * {@link HistoryCache}) and puts the changed snapshots in the outbox.
 */
@ApplicationScoped
public class SessionEventService {

    /** A session event that passed validation: whose, what, and the CloudEvent as received. */
    public record ValidEvent(String userId, String type, String sessionId, Activity activity, String payload) {
    }

    /** What became of an event of a batch. */
    public enum Acceptance { STORED, DUPLICATE, UNKNOWN_USER }

    private record PersonState(String snapshot, long snapshotSeq, long historyVersion) {
    }

    private static final String LOCK_PEOPLE = "SELECT user_id, snapshot, snapshot_seq, history_version FROM person"
            + " WHERE user_id = ANY($1) ORDER BY user_id FOR UPDATE";
    private static final String MARK_PROCESSED = "INSERT INTO processed_event (event_source, event_id, user_id,"
            + " processed_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])"
            + " ON CONFLICT DO NOTHING RETURNING event_source, event_id";
    private static final String STORE_EVENT = "INSERT INTO session_event (event_source, event_id, type, user_id,"
            + " session_id, occurred_at, received_at, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    private static final String PLANS = "SELECT user_id, payload FROM plan_version WHERE user_id = ANY($1)";
    private static final String EVENTS = "SELECT user_id, payload FROM session_event WHERE user_id = ANY($1)";
    private static final String NEW_VERSIONS = "SELECT nextval('person_history_version_seq') AS version"
            + " FROM generate_series(1, $1)";
    private static final String UPDATE_PERSON = "UPDATE person SET next_check_at = $2, updated_at = $3,"
            + " history_version = $4, snapshot = $5, snapshot_seq = $6, session_adherence28 = $7, adherent = $8"
            + " WHERE user_id = $1";
    private static final String UPDATE_PERSON_CHECK = "UPDATE person SET next_check_at = $2, updated_at = $3,"
            + " history_version = $4 WHERE user_id = $1";
    private static final String TO_OUTBOX = "INSERT INTO outbox (topic, message_key, payload, created_at)"
            + " VALUES ($1, $2, $3, $4)";

    private final Clock clock;
    private final Pool pool;
    private final AdherenceService adherence;
    private final HistoryCache cache;

    public SessionEventService(Clock clock, Pool pool, AdherenceService adherence, HistoryCache cache) {
        this.clock = clock;
        this.pool = pool;
        this.adherence = adherence;
        this.cache = cache;
    }

    /** The fate of each event, in the order given; nothing is stored for a person session-service does not know. */
    public Uni<List<Acceptance>> accept(List<ValidEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        // the outbox wakes its relay itself once this transaction commits (platform/outbox)
        return pool.withTransaction(connection -> accept(connection, events, now));
    }

    private Uni<List<Acceptance>> accept(SqlConnection connection, List<ValidEvent> events, Instant now) {
        String[] users = events.stream().map(ValidEvent::userId).distinct().sorted().toArray(String[]::new);
        return connection.preparedQuery(LOCK_PEOPLE).execute(Tuple.of(users)).flatMap(rows -> {
            Map<String, PersonState> people = new HashMap<>();
            for (Row row : rows) {
                people.put(row.getString("user_id"), new PersonState(row.getString("snapshot"),
                        row.getLong("snapshot_seq"), row.getLong("history_version")));
            }
            Acceptance[] result = new Acceptance[events.size()];
            Map<Activity.EventKey, Integer> first = new LinkedHashMap<>();
            for (int i = 0; i < events.size(); i++) {
                ValidEvent event = events.get(i);
                if (!people.containsKey(event.userId())) {
                    result[i] = Acceptance.UNKNOWN_USER;
                } else if (first.putIfAbsent(event.activity().key(), i) != null) {
                    result[i] = Acceptance.DUPLICATE;
                }
            }
            if (first.isEmpty()) {
                return Uni.createFrom().item(Arrays.asList(result));
            }
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            List<Integer> candidates = new ArrayList<>(first.values());
            Tuple marks = Tuple.of(
                    candidates.stream().map(i -> events.get(i).activity().key().source()).toArray(String[]::new),
                    candidates.stream().map(i -> events.get(i).activity().key().id()).toArray(String[]::new),
                    candidates.stream().map(i -> events.get(i).userId()).toArray(String[]::new),
                    candidates.stream().map(i -> at).toArray(OffsetDateTime[]::new));
            return connection.preparedQuery(MARK_PROCESSED).execute(marks).flatMap(marked -> {
                Set<Activity.EventKey> fresh = new HashSet<>();
                for (Row row : marked) {
                    fresh.add(new Activity.EventKey(row.getString("event_source"), row.getString("event_id")));
                }
                List<Tuple> stored = new ArrayList<>();
                Map<String, List<Activity>> added = new TreeMap<>();
                for (int i : candidates) {
                    ValidEvent event = events.get(i);
                    if (!fresh.contains(event.activity().key())) {
                        result[i] = Acceptance.DUPLICATE; // processed by an earlier batch
                        continue;
                    }
                    result[i] = Acceptance.STORED;
                    added.computeIfAbsent(event.userId(), u -> new ArrayList<>()).add(event.activity());
                    stored.add(Tuple.from(Arrays.asList(event.activity().key().source(),
                            event.activity().key().id(), event.type(), event.userId(), event.sessionId(),
                            event.activity().time().atOffset(ZoneOffset.UTC), at, event.payload())));
                }
                if (stored.isEmpty()) {
                    return Uni.createFrom().item(Arrays.asList(result));
                }
                return connection.preparedQuery(STORE_EVENT).executeBatch(stored)
                        .flatMap(x -> recompute(connection, people, added, now))
                        .replaceWith(Arrays.asList(result));
            });
        });
    }

    /**
     * Recomputes each person with new events once, from their history (held in memory at the stored version, else
     * read from the database), then stores their state, a new history version and the changed snapshots.
     */
    private Uni<Void> recompute(SqlConnection connection, Map<String, PersonState> people,
                                Map<String, List<Activity>> added, Instant now) {
        Map<String, AdherenceService.History> histories = new TreeMap<>();
        List<String> unheld = new ArrayList<>();
        added.forEach((user, activities) -> cache.get(user, people.get(user).historyVersion()).ifPresentOrElse(
                held -> histories.put(user, HistoryCache.plus(held, activities)), () -> unheld.add(user)));
        return read(connection, unheld).flatMap(read -> {
            histories.putAll(read);
            return connection.preparedQuery(NEW_VERSIONS).execute(Tuple.of(histories.size()));
        }).flatMap(versions -> {
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            List<Tuple> snapshots = new ArrayList<>();
            List<Tuple> checks = new ArrayList<>();
            List<Tuple> messages = new ArrayList<>();
            var version = versions.iterator();
            for (Map.Entry<String, AdherenceService.History> entry : histories.entrySet()) {
                String user = entry.getKey();
                PersonState person = people.get(user);
                long historyVersion = version.next().getLong("version");
                AdherenceService.Recomputed result = adherence.recompute(user, person.snapshot(),
                        person.snapshotSeq(), entry.getValue(), now, "event");
                OffsetDateTime next = result.nextCheckAt() == null ? null
                        : result.nextCheckAt().atOffset(ZoneOffset.UTC);
                if (result.changed()) {
                    snapshots.add(Tuple.from(Arrays.asList(user, next, at, historyVersion, result.snapshot(),
                            result.snapshotSeq(), result.sessionAdherence28(), result.adherent())));
                    messages.add(Tuple.of(AdherenceService.TOPIC, user, result.event(), at));
                } else {
                    checks.add(Tuple.from(Arrays.asList(user, next, at, historyVersion)));
                }
                cache.put(user, historyVersion, entry.getValue());
            }
            return batch(connection, UPDATE_PERSON, snapshots)
                    .flatMap(x -> batch(connection, UPDATE_PERSON_CHECK, checks))
                    .flatMap(x -> batch(connection, TO_OUTBOX, messages));
        });
    }

    /** The stored histories of people this replica does not hold (new events included: same transaction). */
    private Uni<Map<String, AdherenceService.History>> read(SqlConnection connection, List<String> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Tuple who = Tuple.of(users.toArray(String[]::new));
        return connection.preparedQuery(PLANS).execute(who).flatMap(plans -> connection.preparedQuery(EVENTS)
                .execute(who).map(events -> {
                    Map<String, List<String>> planPayloads = byUser(plans);
                    Map<String, List<String>> eventPayloads = byUser(events);
                    Map<String, AdherenceService.History> histories = new HashMap<>();
                    for (String user : users) {
                        histories.put(user, adherence.history(planPayloads.getOrDefault(user, List.of()),
                                eventPayloads.getOrDefault(user, List.of())));
                    }
                    return histories;
                }));
    }

    private static Uni<Void> batch(SqlConnection connection, String sql, List<Tuple> tuples) {
        return tuples.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).executeBatch(tuples).replaceWithVoid();
    }

    private static Map<String, List<String>> byUser(RowSet<Row> rows) {
        Map<String, List<String>> byUser = new HashMap<>();
        for (Row row : rows) {
            byUser.computeIfAbsent(row.getString("user_id"), u -> new ArrayList<>()).add(row.getString("payload"));
        }
        return byUser;
    }
}
