package io.limber.routine.validation;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;

/** Recognises the unique-key violation that two simultaneous changes of one plan end in (one wins, one retries). */
public final class ConcurrentChange {

    private static final String UNIQUE_VIOLATION = "23505";

    private ConcurrentChange() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    || cause instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
