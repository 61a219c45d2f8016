package io.limber.platform.outbox;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs a relay whenever a transaction that wrote to the outbox has committed, and on a slow timer behind that. The
 * table's trigger calls {@code pg_notify} in the writer's transaction; PostgreSQL delivers it only on commit, to
 * every replica that LISTENs, so no caller ever wakes the relay and nothing is published before its commit. Runs
 * of one loop never overlap; a wake-up during a run makes another run follow it.
 */
public final class OutboxRelayLoop {

    // JBoss Logging, not io.quarkus.logging.Log: Quarkus rewrites Log calls only in application classes, not in a jar.
    private static final Logger LOG = Logger.getLogger(OutboxRelayLoop.class);
    private static final long RECONNECT_MILLIS = 1_000;

    private final OutboxRelay relay;
    private final RecordSender sender;
    private final Vertx vertx;
    private final Duration interval;
    private final PgConnectOptions listenTo;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped = true;
    private Context context;
    private PgSubscriber subscriber;
    private long timerId = -1;

    public OutboxRelayLoop(OutboxRelay relay, RecordSender sender, Vertx vertx, Duration interval,
                           PgConnectOptions listenTo) {
        this.relay = relay;
        this.sender = sender;
        this.vertx = vertx;
        this.interval = interval;
        this.listenTo = listenTo;
    }

    public synchronized void start() {
        stopped = false;
        context = vertx.getOrCreateContext();
        timerId = vertx.setPeriodic(interval.toMillis(), id -> wake());
        subscriber = PgSubscriber.subscriber(vertx, listenTo);
        // a dropped connection is reconnected; while it is down the timer still runs the relay
        subscriber.reconnectPolicy(retries -> stopped ? -1L : RECONNECT_MILLIS);
        subscriber.channel(relay.table().channel())
                .subscribeHandler(ignored -> wake()) // (re)subscribed: publish what was written while not listening
                .handler(ignored -> wake());
        connect();
    }

    public synchronized void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        if (subscriber != null) {
            subscriber.close();
            subscriber = null;
        }
    }

    /** Publish what is waiting, now; if a run is under way, another follows it. */
    void wake() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        context.runOnContext(ignored -> relay.relayOnce(sender).subscribe().with(this::finished, failure -> {
            // a run cut short by the application stopping (its pool closing) is no news: nothing was lost
            if (stopped) {
                LOG.debugf("outbox relay run on %s ended by the stop: %s", relay.table().name(), failure.getMessage());
            } else {
                LOG.warnf("outbox relay run on %s failed, retried: %s", relay.table().name(), failure.getMessage());
            }
            finished(new OutboxRelay.Result(0, 0));
        }));
    }

    private void finished(OutboxRelay.Result result) {
        running.set(false);
        // more lanes may have work; a failure alone waits for the timer rather than spinning on a broker that is down
        if (again.getAndSet(false) || result.sent() > 0) {
            wake();
        }
    }

    private void connect() {
        PgSubscriber current = subscriber;
        if (current == null) {
            return;
        }
        current.connect().onFailure(failure -> {
            if (stopped) {
                return;
            }
            LOG.warnf("cannot LISTEN for outbox commits on %s, the timer publishes meanwhile: %s",
                    relay.table().channel(), failure.getMessage());
            vertx.setTimer(RECONNECT_MILLIS, id -> connect());
        });
    }
}
