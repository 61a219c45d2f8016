package io.limber.platform.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/** Where a service opens its unit of work; the repositories it calls run their statements on the {@link Tx}. */
@ApplicationScoped
public class Transactions {

    private final Pool pool;

    public Transactions(Pool pool) {
        this.pool = pool;
    }

    /** One transaction: committed when the work's Uni succeeds, rolled back when it fails. */
    public <T> Uni<T> inTransaction(Function<Tx, Uni<T>> work) {
        return pool.withTransaction(connection -> work.apply(new Tx(connection)));
    }

    /** One connection without a transaction, each statement committing on its own: for a single read or upsert. */
    public <T> Uni<T> withConnection(Function<Tx, Uni<T>> work) {
        return pool.withConnection(connection -> work.apply(new Tx(connection)));
    }
}
