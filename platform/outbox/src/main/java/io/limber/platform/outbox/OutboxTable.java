package io.limber.platform.outbox;

import java.util.regex.Pattern;

/**
 * Where a service keeps its outbox, and the SQL the relay runs on it. The table has {@code id} (ascending with
 * commit order of writes per key), {@code lane}, {@code topic}, the key column, {@code payload} (null: tombstone),
 * an optional kind column and {@code created_at}; beside it {@code <name>_lane} holds one row per lane, and a trigger
 * notifies {@link #channel()} after each insert statement (the service's migration creates all three).
 */
public record OutboxTable(String name, String keyColumn, String kindColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public OutboxTable {
        if (!IDENTIFIER.matcher(name).matches() || !IDENTIFIER.matcher(keyColumn).matches()
                || (kindColumn != null && !IDENTIFIER.matcher(kindColumn).matches())) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name + ", " + keyColumn + ", " + kindColumn);
        }
    }

    /** The channel the table's trigger notifies; PostgreSQL delivers it only when the writing transaction commits. */
    public String channel() {
        return name + "_written";
    }

    /**
     * Lanes with work that no other relay holds, oldest work first (so no lane starves); locked until the run's
     * transaction ends, which keeps one key's records to one relay at a time.
     */
    String lockLanes() {
        return "SELECT l.lane FROM " + name + "_lane l"
                + " WHERE EXISTS (SELECT 1 FROM " + name + " o WHERE o.lane = l.lane)"
                + " ORDER BY (SELECT min(o.id) FROM " + name + " o WHERE o.lane = l.lane)"
                + " LIMIT $1 FOR UPDATE OF l SKIP LOCKED";
    }

    String readLanes() {
        return "SELECT id, topic, " + keyColumn + " AS record_key, payload, "
                + (kindColumn == null ? "NULL" : kindColumn) + " AS kind, created_at FROM " + name
                + " WHERE lane = ANY($1) ORDER BY id LIMIT $2";
    }

    String delete() {
        return "DELETE FROM " + name + " WHERE id = ANY($1)";
    }

    String backlog() {
        return "SELECT count(*) AS pending, min(created_at) AS oldest FROM " + name;
    }
}
