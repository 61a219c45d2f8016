package io.limber.session.event;

import io.limber.session.adherence.Activity;
import io.limber.session.adherence.service.AdherenceService;
import io.limber.session.person.Person;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;

/**
 * Accepts a valid session event once per CloudEvent (source, id): stores it, records it as processed and
 * recomputes adherence, all in one transaction.
 */
@ApplicationScoped
public class SessionEventService {

    private final Clock clock;
    private final AdherenceService adherence;

    public SessionEventService(Clock clock, AdherenceService adherence) {
        this.clock = clock;
        this.adherence = adherence;
    }

    @WithTransaction
    public Uni<SessionEventMetrics.Outcome> accept(String userId, String type, String sessionId, Activity activity,
                                                   String payload) {
        Instant now = clock.instant();
        Activity.EventKey key = activity.key();
        return ProcessedEvent.count("eventSource = ?1 and eventId = ?2", key.source(), key.id()).flatMap(seen -> {
            if (seen > 0) {
                return Uni.createFrom().item(SessionEventMetrics.Outcome.DUPLICATE);
            }
            return Person.<Person>findById(userId, LockModeType.PESSIMISTIC_WRITE).flatMap(person -> {
                if (person == null) {
                    return Uni.createFrom().failure(new PoisonEvent.UnknownUser());
                }
                SessionEvent stored = new SessionEvent();
                stored.eventSource = key.source();
                stored.eventId = key.id();
                stored.type = type;
                stored.userId = userId;
                stored.sessionId = sessionId;
                stored.occurredAt = activity.time();
                stored.receivedAt = now;
                stored.payload = payload;
                return stored.persist()
                        .flatMap(x -> ProcessedEvent.of(key.source(), key.id(), userId, now).persist())
                        .flatMap(x -> adherence.recompute(person, now, "event"))
                        .replaceWith(SessionEventMetrics.Outcome.OK);
            });
        });
    }
}
