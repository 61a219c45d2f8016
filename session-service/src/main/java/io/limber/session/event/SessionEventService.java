package io.limber.session.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Accepts session events once per (source, id), however often Kafka delivers them. */
@ApplicationScoped
@Startup // registers its meters at start, so /q/metrics shows them before the first event
public class SessionEventService {

    private final Clock clock;
    private final Map<String, Counter> accepted;

    public SessionEventService(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.accepted = ClientEvent.TYPES.stream().collect(Collectors.toUnmodifiableMap(type -> type,
                type -> Counter.builder("limber.session.events.accepted")
                        .description("Session events accepted (duplicates not counted)")
                        .tag("type", type)
                        .register(registry)));
    }

    /** Stores the event unless this (source, id) was stored before; true when it was new. */
    @WithTransaction
    public Uni<Boolean> accept(ClientEvent event) {
        return SessionEvent.count("eventSource = ?1 and eventId = ?2", event.source(), event.id())
                .flatMap(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().item(false);
                    }
                    SessionEvent stored = new SessionEvent();
                    stored.eventSource = event.source();
                    stored.eventId = event.id();
                    stored.type = event.type();
                    stored.userId = event.data().userId();
                    stored.sessionId = event.data().sessionId();
                    stored.occurredAt = event.time();
                    stored.receivedAt = Instant.now(clock);
                    return stored.persist().invoke(() -> accepted.get(event.type()).increment()).replaceWith(true);
                });
    }

    @WithTransaction
    public Uni<List<SessionEvent>> forUser(String userId) {
        return SessionEvent.list("userId = ?1 order by occurredAt", userId);
    }
}
