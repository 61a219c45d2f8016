package io.limber.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * A service's relay, built from what the service declares (an {@link OutboxTable} bean, its {@link RecordSender}
 * bean, and optionally an {@link OutboxRelay.Published} bean for its own meters), and run from start to shutdown on
 * every replica unless {@code limber.outbox.relay.enabled=false} (a test that drives the relay by hand).
 */
@ApplicationScoped
public class OutboxRelayRunner {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);

    private final OutboxSettings settings;
    private final OutboxRelayLoop loop;

    public OutboxRelayRunner(OutboxRelay relay, RecordSender sender, Vertx vertx, Config config) {
        this.settings = OutboxSettings.fromConfig(config);
        this.loop = new OutboxRelayLoop(relay, sender, vertx, settings.interval(), settings.listenTo());
    }

    @Produces
    @Singleton
    static OutboxRelay relay(Pool pool, OutboxTable table, Instance<OutboxRelay.Published> published,
                             MeterRegistry registry, Config config) {
        OutboxSettings settings = OutboxSettings.fromConfig(config);
        OutboxRelay.Published listener = published.isResolvable() ? published.get() : record -> { };
        return new OutboxRelay(pool, table, settings.lanesPerRun(), settings.batchSize(), listener, registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (settings.enabled()) {
            loop.start();
        } else {
            LOG.warn("outbox relay disabled (limber.outbox.relay.enabled=false): records stay in the outbox");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.stop();
    }
}
