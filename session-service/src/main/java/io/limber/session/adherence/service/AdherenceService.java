package io.limber.session.adherence.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.events.CloudEventEnvelope;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.limber.session.adherence.Activity;
import io.limber.session.adherence.Adherence;
import io.limber.session.adherence.AdherenceCalculator;
import io.limber.session.adherence.CohortAdherence;
import io.limber.session.adherence.PlanVersion;
import io.limber.session.adherence.Session;
import io.limber.session.contract.ActivityMapper;
import io.limber.session.contract.AdherenceUpdated;
import io.limber.session.contract.PlanMapper;
import io.limber.session.event.SessionEvent;
import io.limber.session.outbox.OutboxMessage;
import io.limber.session.person.Person;
import io.limber.session.plan.PlanRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Recomputes a person's adherence from the stored plans and events, and when the snapshot changed, stores it and
 * puts {@code limber.adherence.updated} in the outbox, in the caller's transaction.
 */
@ApplicationScoped
@Startup // registers its meters at start, so /q/metrics shows them before the first event
public class AdherenceService {

    public static final String TOPIC = "adherence";

    private final ObjectMapper mapper;
    private final CloudEventEnvelope envelope;
    private final MeterRegistry registry;
    private final Counter abandoned;
    private final AtomicReference<CohortAdherence> cohort = new AtomicReference<>(CohortAdherence.of(0, List.of()));

    public AdherenceService(MeterRegistry registry) {
        // its own mapper: null figures (nothing due yet) are part of the contract, and the application's mapper
        // drops nulls
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        this.envelope = new CloudEventEnvelope(mapper);
        this.registry = registry;
        this.abandoned = Counter.builder("limber.session.sessions").tag("outcome", "abandoned")
                .description("Sessions completed or abandoned").register(registry);
        for (String trigger : List.of("event", "plan", "day-end")) {
            recomputations(trigger);
        }
        cohortPeople("adherent", c -> c.get().adherent());
        cohortPeople("not-adherent", c -> c.get().notAdherent());
        cohortPeople("unknown", c -> c.get().unknown());
        for (int p : List.of(10, 25, 50, 75, 90)) {
            io.micrometer.core.instrument.Gauge.builder("limber.cohort.session.adherence28", cohort, c -> value(c.get(), p))
                    .tag("percentile", String.valueOf(p))
                    .description("28-day session adherence of the people with a denominator, at this percentile")
                    .register(registry);
        }
    }

    private void cohortPeople(String state,
                              java.util.function.ToDoubleFunction<AtomicReference<CohortAdherence>> count) {
        io.micrometer.core.instrument.Gauge.builder("limber.cohort.people", cohort, count).tag("state", state)
                .description("People by 28-day adherence: adherent (>= 80 %), not-adherent, unknown (no denominator)")
                .register(registry);
    }

    private Counter recomputations(String trigger) {
        return Counter.builder("limber.adherence.recomputations").tag("trigger", trigger)
                .description("Adherence recomputations, by what triggered them").register(registry);
    }

    /** The stored plans and events of a person, as the domain sees them. */
    public record History(List<PlanVersion> plans, List<Activity> activities) {
    }

    public Uni<History> history(String userId) {
        return PlanRecord.<PlanRecord>list("userId", userId).flatMap(plans -> SessionEvent.<SessionEvent>list("userId", userId)
                .map(events -> history(plans.stream().map(p -> p.payload).toList(),
                        events.stream().map(e -> e.payload).toList())));
    }

    /** A history from the stored payloads of a person's plan versions and session events. */
    public History history(List<String> planPayloads, List<String> eventPayloads) {
        return new History(planPayloads.stream().map(p -> PlanMapper.toPlanVersion(read(p))).toList(),
                eventPayloads.stream().map(e -> ActivityMapper.toActivity(read(e))).toList());
    }

    /**
     * A person's state after a recomputation: when to look again, and, when the snapshot changed, the new snapshot,
     * its sequence number, the figures kept beside it and the {@code limber.adherence.updated} to publish.
     */
    public record Recomputed(Instant nextCheckAt, String snapshot, long snapshotSeq,
                             Double sessionAdherence28, Boolean adherent, String event) {

        /** Whether the snapshot changed: then there is an event to publish. */
        public boolean changed() {
            return event != null;
        }
    }

    /**
     * Recomputes a person's adherence as of {@code now} from their history, given their current snapshot and its
     * sequence number; stores nothing (the caller does, in its transaction).
     */
    public Recomputed recompute(String userId, String snapshot, long snapshotSeq, History history, Instant now,
                                String trigger) {
        recomputations(trigger).increment();
        Adherence adherence = AdherenceCalculator.calculate(history.plans(), history.activities(), now);
        Instant nextCheckAt = AdherenceCalculator.nextReevaluation(history.plans(), history.activities(), now);
        AdherenceUpdated.Data data = AdherenceUpdated.Data.of(userId, adherence);
        String json = write(data);
        if (json.equals(snapshot)) {
            return new Recomputed(nextCheckAt, snapshot, snapshotSeq, null, null, null);
        }
        countNewlyAbandoned(snapshot, data);
        long seq = snapshotSeq + 1;
        String event = envelope.write(AdherenceUpdated.of(data, seq, now)); // the SDK, as every producer writes
        return new Recomputed(nextCheckAt, json, seq, data.sessionAdherence28(), data.adherent(), event);
    }

    /** Recomputes the (locked) person's adherence as of {@code now}; must run inside a transaction. */
    public Uni<Void> recompute(Person person, Instant now, String trigger) {
        return history(person.userId).flatMap(history -> {
            Recomputed result = recompute(person.userId, person.snapshot, person.snapshotSeq, history, now, trigger);
            person.nextCheckAt = result.nextCheckAt();
            person.updatedAt = now;
            if (!result.changed()) {
                return Uni.createFrom().voidItem();
            }
            person.snapshot = result.snapshot();
            person.snapshotSeq = result.snapshotSeq();
            person.sessionAdherence28 = result.sessionAdherence28();
            person.adherent = result.adherent();
            return OutboxMessage.of(TOPIC, person.userId, result.event(), now).persist().replaceWithVoid();
        });
    }

    /** Re-evaluates everyone whose local day ended (or whose session became abandoned) since the last look. */
    @WithTransaction
    public Uni<Integer> reevaluateDue(Instant now, int limit) {
        return Person.<Person>find("nextCheckAt <= ?1 order by nextCheckAt", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, limit).list()
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(p -> recompute(p, now, "day-end"))
                        .collect().asList().map(List::size));
    }

    @WithSession
    public Uni<Optional<AdherenceUpdated.Data>> snapshot(String userId) {
        return Person.<Person>findById(userId).map(p -> Optional.ofNullable(p)
                .filter(person -> person.snapshot != null)
                .map(person -> read(person.snapshot, AdherenceUpdated.Data.class)));
    }

    /** A person's sessions, newest first; empty when the person is unknown. */
    @WithSession
    public Uni<Optional<List<Session>>> sessions(String userId) {
        return Person.<Person>findById(userId).flatMap(p -> p == null ? Uni.createFrom().item(Optional.empty())
                : history(userId).map(h -> {
                    List<Session> sessions = new ArrayList<>(Session.group(h.activities()));
                    sessions.sort(Comparator.comparing(Session::startedAt).reversed());
                    return Optional.of(sessions);
                }));
    }

    @WithSession
    public Uni<CohortAdherence> cohort() {
        return Panache.getSession().flatMap(s -> s
                        .createQuery("select p.sessionAdherence28 from Person p", Double.class).getResultList())
                .map(values -> {
                    CohortAdherence result = CohortAdherence.of(values.size(), values);
                    cohort.set(result);
                    return result;
                });
    }

    private void countNewlyAbandoned(String previousSnapshot, AdherenceUpdated.Data now) {
        int before = previousSnapshot == null ? 0 : abandoned(read(previousSnapshot, AdherenceUpdated.Data.class));
        int after = abandoned(now);
        if (after > before) {
            abandoned.increment(after - before);
        }
    }

    private static int abandoned(AdherenceUpdated.Data data) {
        return data.routines().stream().mapToInt(Adherence.RoutineAdherence::abandoned28).sum();
    }

    private static double value(CohortAdherence c, int percentile) {
        Double v = switch (percentile) {
            case 10 -> c.p10();
            case 25 -> c.p25();
            case 50 -> c.median();
            case 75 -> c.p75();
            default -> c.p90();
        };
        return v == null ? Double.NaN : v;
    }

    private com.fasterxml.jackson.databind.JsonNode read(String json) {
        return read(json, com.fasterxml.jackson.databind.JsonNode.class);
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
