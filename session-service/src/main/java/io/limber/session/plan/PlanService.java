package io.limber.session.plan;

import io.limber.session.adherence.PlanVersion;
import io.limber.session.adherence.service.AdherenceService;
import io.limber.session.event.ProcessedEvent;
import io.limber.session.event.SessionEvent;
import io.limber.session.outbox.OutboxMessage;
import io.limber.session.person.Person;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;

/** Keeps session-service's own copy of each person's plan versions, and erases a person on a plan tombstone. */
@ApplicationScoped
public class PlanService {

    private final Clock clock;
    private final AdherenceService adherence;

    public PlanService(Clock clock, AdherenceService adherence) {
        this.clock = clock;
        this.adherence = adherence;
    }

    /** Stores the plan version once per CloudEvent (source, id) and recomputes adherence; true when it was new. */
    @WithTransaction
    public Uni<Boolean> accept(String userId, String source, String id, PlanVersion plan, String payload) {
        Instant now = clock.instant();
        return ProcessedEvent.count("eventSource = ?1 and eventId = ?2", source, id).flatMap(seen -> {
            if (seen > 0) {
                return Uni.createFrom().item(false);
            }
            return Person.<Person>findById(userId, LockModeType.PESSIMISTIC_WRITE)
                    .flatMap(found -> found != null ? Uni.createFrom().item(found) : newPerson(userId, now))
                    .flatMap(person -> PlanRecord.count("userId = ?1 and version = ?2", userId, plan.version())
                            .flatMap(existing -> existing > 0 ? Uni.createFrom().voidItem() : record(userId, plan, payload))
                            .flatMap(x -> ProcessedEvent.of(source, id, userId, now).persist())
                            .flatMap(x -> adherence.recompute(person, now, "plan")))
                    .replaceWith(true);
        });
    }

    /** Deletes everything held about the person and publishes a tombstone on {@code adherence}. */
    @WithTransaction
    public Uni<Void> erase(String userId) {
        Instant now = clock.instant();
        return OutboxMessage.delete("messageKey", userId)
                .flatMap(x -> ProcessedEvent.delete("userId", userId))
                .flatMap(x -> SessionEvent.delete("userId", userId))
                .flatMap(x -> PlanRecord.delete("userId", userId))
                .flatMap(x -> Person.delete("userId", userId))
                .flatMap(x -> OutboxMessage.of(AdherenceService.TOPIC, userId, null, now).persist())
                .replaceWithVoid();
    }

    private static Uni<Person> newPerson(String userId, Instant now) {
        Person person = new Person();
        person.userId = userId;
        person.updatedAt = now;
        return person.persist();
    }

    private static Uni<Void> record(String userId, PlanVersion plan, String payload) {
        PlanRecord record = new PlanRecord();
        record.userId = userId;
        record.version = plan.version();
        record.publishedAt = plan.publishedAt();
        record.payload = payload;
        // the person's history changed: a copy held in memory (HistoryCache) is no longer the stored one
        return record.persist().flatMap(x -> Panache.getSession()).flatMap(session -> session
                        .createNativeQuery("UPDATE person SET history_version = nextval('person_history_version_seq')"
                                + " WHERE user_id = ?1")
                        .setParameter(1, userId).executeUpdate())
                .replaceWithVoid();
    }
}
