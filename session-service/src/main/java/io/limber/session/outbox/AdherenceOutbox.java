package io.limber.session.outbox;

import io.limber.platform.outbox.OutboxTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * session-service's outbox for platform/outbox's relay: the {@code outbox} table keyed by {@code message_key}. Its
 * lanes keep one person's snapshots in order on the compacted adherence topic, whichever replica publishes them.
 */
@ApplicationScoped
public class AdherenceOutbox {

    @Produces
    @Singleton
    static OutboxTable table() {
        return new OutboxTable("outbox", "message_key", null);
    }
}
