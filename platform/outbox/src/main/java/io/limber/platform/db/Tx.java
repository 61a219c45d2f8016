package io.limber.platform.db;

import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The connection a service's unit of work runs on, handed to the repositories it calls: services pass it along,
 * only repositories read {@link #sql} (each service's ArchitectureTest).
 */
public record Tx(SqlConnection sql) {
}
