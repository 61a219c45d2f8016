package io.limber.reminder.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Lets a test look at the service's tables (read-only). */
public final class Database {

    private final Pool pool;

    public Database(Pool pool) {
        this.pool = pool;
    }

    public List<Row> query(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    /** The status of a due row ("pending", "sent", "suppressed"), with its reason, or "missing". */
    public String dueStatus(String id) {
        List<Row> rows = query("SELECT status, reason FROM due_nudge WHERE id = $1", id);
        if (rows.isEmpty()) {
            return "missing";
        }
        Row row = rows.get(0);
        return row.getString("reason") == null ? row.getString("status")
                : row.getString("status") + ":" + row.getString("reason");
    }
}
