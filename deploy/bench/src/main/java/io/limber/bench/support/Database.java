package io.limber.bench.support;

import io.limber.local.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One database of the run's PostgreSQL, for the small queries a benchmark watches a service's tables with. */
public record Database(PostgresServer postgres, String name) {

    public Connection connect() throws SQLException {
        return postgres.connect(name);
    }

    /** The single number {@code query} returns. */
    public long count(String query) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + " failed on " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether the service's schema (after its migrations) has this column. */
    public boolean hasColumn(String table, String column) {
        return count("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = '" + table + "' AND column_name = '" + column + "'") > 0;
    }
}
