package io.limber.routine.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the relay every few hundred milliseconds on every replica; runs of one replica never overlap. */
@ApplicationScoped
public class OutboxRelayTicker {

    private final OutboxRelay relay;
    private final RecordSender sender;
    private final Vertx vertx;
    private final boolean enabled;
    private final long intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timerId = -1;

    public OutboxRelayTicker(OutboxRelay relay, KafkaRecordSender sender, Vertx vertx,
                             @ConfigProperty(name = "limber.outbox.relay.enabled", defaultValue = "true") boolean enabled,
                             @ConfigProperty(name = "limber.outbox.relay.interval-millis", defaultValue = "250") long intervalMillis) {
        this.relay = relay;
        this.sender = sender;
        this.vertx = vertx;
        this.enabled = enabled;
        this.intervalMillis = intervalMillis;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            timerId = vertx.setPeriodic(intervalMillis, id -> tick());
        } else {
            Log.warn("outbox relay disabled (limber.outbox.relay.enabled=false): plan changes stay in the outbox");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        relay.relayOnce(sender).subscribe().with(
                result -> running.set(false),
                failure -> {
                    running.set(false);
                    Log.warnf("outbox relay run failed, retried on the next tick: %s", failure.getMessage());
                });
    }
}
