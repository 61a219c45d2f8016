package io.limber.session.adherence.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.limber.session.adherence.AdherenceCheckpoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code person} table: the people session-service knows (from their plans), each with their latest adherence
 * snapshot, the checkpoint of their long-memory figures and when to look at them again without an event.
 */
@ApplicationScoped
public class PersonRepository {

    /**
     * A person as the write path reads them, locked; {@code checkpoints} oldest first, the newest the one a recompute
     * starts from (empty: none yet).
     */
    public record PersonRow(String userId, String snapshot, long snapshotSeq, int abandoned28,
                            List<AdherenceCheckpoint> checkpoints) {
    }

    /**
     * A person after a recompute. {@code snapshot} null: the snapshot did not change (the figures beside it neither).
     */
    public record PersonUpdate(String userId, Instant nextCheckAt, Instant updatedAt,
                               List<AdherenceCheckpoint> checkpoints,
                               String snapshot, long snapshotSeq, Double sessionAdherence28, Boolean adherent,
                               int abandoned28) {
    }

    private static final String COLUMNS = "user_id, snapshot, snapshot_seq, abandoned28, checkpoint";
    private static final String LOCK = "SELECT " + COLUMNS + " FROM person WHERE user_id = ANY($1)"
            + " ORDER BY user_id FOR UPDATE";
    /** Due people nobody else is re-evaluating: another replica's locked rows are skipped, not waited for. */
    private static final String LOCK_DUE = "SELECT " + COLUMNS + " FROM person WHERE next_check_at <= $1"
            + " ORDER BY next_check_at LIMIT $2 FOR UPDATE SKIP LOCKED";
    private static final String INSERT = "INSERT INTO person (user_id, updated_at) VALUES ($1, $2)"
            + " ON CONFLICT (user_id) DO NOTHING";
    private static final String UPDATE = "UPDATE person SET next_check_at = $2, updated_at = $3, checkpoint = $4,"
            + " snapshot = $5, snapshot_seq = $6, session_adherence28 = $7, adherent = $8, abandoned28 = $9"
            + " WHERE user_id = $1";
    private static final String UPDATE_CHECK = "UPDATE person SET next_check_at = $2, updated_at = $3,"
            + " checkpoint = $4 WHERE user_id = $1";

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The person, created when new (a first plan version), not locked. */
    public Uni<Void> insertIfAbsent(Tx tx, String userId, Instant now) {
        return tx.sql().preparedQuery(INSERT).execute(Tuple.of(userId, Sql.ts(now))).replaceWithVoid();
    }

    /** Locks the known ones among {@code users} for the transaction, always in the same order (no deadlock). */
    public Uni<Map<String, PersonRow>> lock(Tx tx, List<String> users) {
        return tx.sql().preparedQuery(LOCK).execute(Tuple.of(users.stream().sorted().toArray(String[]::new)))
                .map(this::rows);
    }

    /** Locks up to {@code limit} people whose {@code next_check_at} has come. */
    public Uni<Map<String, PersonRow>> lockDue(Tx tx, Instant now, int limit) {
        return tx.sql().preparedQuery(LOCK_DUE).execute(Tuple.of(Sql.ts(now), limit)).map(this::rows);
    }

    public Uni<Void> update(Tx tx, List<PersonUpdate> updates) {
        List<Tuple> changed = new ArrayList<>();
        List<Tuple> checked = new ArrayList<>();
        for (PersonUpdate u : updates) {
            String checkpoint = write(u.checkpoints());
            if (u.snapshot() == null) {
                checked.add(Tuple.of(u.userId(), Sql.ts(u.nextCheckAt()), Sql.ts(u.updatedAt()), checkpoint));
            } else {
                changed.add(Tuple.from(new Object[] {u.userId(), Sql.ts(u.nextCheckAt()), Sql.ts(u.updatedAt()),
                    checkpoint, u.snapshot(), u.snapshotSeq(), u.sessionAdherence28(), u.adherent(), u.abandoned28()}));
            }
        }
        return batch(tx, UPDATE, changed).flatMap(x -> batch(tx, UPDATE_CHECK, checked));
    }

    /** The person's latest snapshot (the data of limber.adherence.updated); empty when unknown, null inside when none yet. */
    public Uni<Optional<Optional<String>>> snapshot(Tx tx, String userId) {
        return tx.sql().preparedQuery("SELECT snapshot FROM person WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(Optional.ofNullable(rows.iterator().next().getString("snapshot"))));
    }

    public Uni<Boolean> exists(Tx tx, String userId) {
        return tx.sql().preparedQuery("SELECT 1 FROM person WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() > 0);
    }

    /** Every person's 28-day session adherence (null: no denominator yet). */
    public Uni<List<Double>> sessionAdherence28(Tx tx) {
        return tx.sql().query("SELECT session_adherence28 FROM person").execute().map(rows -> {
            List<Double> values = new ArrayList<>(rows.size());
            rows.forEach(row -> values.add(row.getDouble("session_adherence28")));
            return values;
        });
    }

    public Uni<Void> delete(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM person WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }

    private Map<String, PersonRow> rows(RowSet<Row> rows) {
        Map<String, PersonRow> people = new LinkedHashMap<>();
        for (Row row : rows) {
            people.put(row.getString("user_id"), new PersonRow(row.getString("user_id"), row.getString("snapshot"),
                    row.getLong("snapshot_seq"), row.getInteger("abandoned28"), read(row.getString("checkpoint"))));
        }
        return people;
    }

    private static Uni<Void> batch(Tx tx, String sql, List<Tuple> tuples) {
        return tuples.isEmpty() ? Uni.createFrom().voidItem()
                : tx.sql().preparedQuery(sql).executeBatch(tuples).replaceWithVoid();
    }

    /** A checkpoint as stored: JSON of its fields; the column holds an array of them, oldest first. */
    private record StoredCheckpoint(LocalDate closedThrough, Instant lastEventAt,
                                    Map<String, AdherenceCheckpoint.RoutineMemory> routines) {
    }

    private String write(List<AdherenceCheckpoint> checkpoints) {
        List<StoredCheckpoint> stored = checkpoints.stream().filter(c -> !c.isNone())
                .map(c -> new StoredCheckpoint(c.closedThrough(), c.lastEventAt(), new TreeMap<>(c.routines())))
                .toList();
        if (stored.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<AdherenceCheckpoint> read(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            List<StoredCheckpoint> checkpoints = stored.startsWith("[")
                    ? json.readValue(stored, json.getTypeFactory().constructCollectionType(List.class,
                            StoredCheckpoint.class))
                    : List.of(json.readValue(stored, StoredCheckpoint.class)); // one checkpoint, as V5 first stored it
            return checkpoints.stream().map(c -> new AdherenceCheckpoint(c.closedThrough(),
                    c.routines() == null ? Map.of() : c.routines(), c.lastEventAt())).toList();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
