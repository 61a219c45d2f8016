package io.limber.session.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.session.adherence.Activity;
import io.limber.session.adherence.service.AdherenceChanges;
import io.limber.session.contract.ActivityMapper;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.session.contract.EventSchemas;
import io.limber.session.contract.Violation;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import io.limber.session.event.DeadLetters.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code session-events} (CloudEvents in structured or binary mode) a poll's batch at a time. A poison message
 * goes to {@code session-events.dlq} with the reason in its headers; a failure of our own (the database is away) is
 * retried until it passes, so a valid event is never skipped. The batch is acknowledged once all of it is done.
 */
@ApplicationScoped
public class SessionEventConsumer {

    private final CloudEventEnvelope envelope;
    private final EventSchemas schemas;
    private final AdherenceChanges service;
    private final DeadLetters deadLetters;
    private final SessionEventMetrics metrics;
    private final Clock clock;
    private final Duration unknownUserGrace;

    public SessionEventConsumer(ObjectMapper mapper, EventSchemas schemas, AdherenceChanges service,
                                DeadLetters deadLetters, SessionEventMetrics metrics, Clock clock,
                                @ConfigProperty(name = "limber.session-events.unknown-user-grace") Duration unknownUserGrace) {
        this.unknownUserGrace = unknownUserGrace;
        this.envelope = new CloudEventEnvelope(mapper);
        this.schemas = schemas;
        this.service = service;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Incoming("session-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<AdherenceChanges.ReportedEvent> valid = new ArrayList<>();
        Map<AdherenceChanges.ReportedEvent, ConsumerRecord<String, String>> from = new IdentityHashMap<>();
        List<DeadLetter> dead = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                AdherenceChanges.ReportedEvent event = validate(record);
                valid.add(event);
                from.put(event, record);
            } catch (IllegalArgumentException e) {
                dead.add(new DeadLetter(record, typeOf(record), e));
            } catch (RuntimeException e) {
                // validation is pure: whatever else it throws on a record, the record is the cause
                dead.add(new DeadLetter(record, typeOf(record),
                        new PoisonEvent("unreadable record: " + e.getClass().getSimpleName())));
            }
        }
        return accept(valid, Instant.now().plus(unknownUserGrace), Duration.ofMillis(100))
                .flatMap(unknown -> {
                    for (AdherenceChanges.ReportedEvent event : unknown) {
                        dead.add(new DeadLetter(from.get(event), event.type(), new PoisonEvent.UnknownUser()));
                    }
                    return deadLetters.send(dead);
                });
    }

    /** The valid event a record holds; a poison record (bad JSON, schema, type or key) throws. */
    private AdherenceChanges.ReportedEvent validate(ConsumerRecord<String, String> record) {
        JsonNode event = envelope.fromKafka(record.headers(), record.value());
        List<Violation> violations = schemas.clientEventViolations(event, clock.instant());
        if (!violations.isEmpty()) {
            throw new PoisonEvent(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
        String type = event.get("type").asText();
        JsonNode data = event.get("data");
        String userId = data.get("userId").asText();
        if (record.key() != null && !record.key().equals(userId)) {
            throw new PoisonEvent("key: the Kafka key must be data.userId");
        }
        Activity activity = ActivityMapper.toActivity(event);
        return new AdherenceChanges.ReportedEvent(userId, type, activity);
    }

    /**
     * Accepts the events; a failure of our own (the database is away) is retried until it passes, so a valid event
     * is never skipped. Events of people not known yet (their plan may still be on its way on the plans topic) are
     * tried again, alone, until {@code giveUpAt}; those still unknown then are returned.
     */
    private Uni<List<AdherenceChanges.ReportedEvent>> accept(List<AdherenceChanges.ReportedEvent> events,
                                                             Instant giveUpAt, Duration backOff) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return service.acceptEvents(events)
                .onFailure().invoke(e -> Log.warnf("%d session events could not be stored, retrying: %s",
                        events.size(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .flatMap(outcomes -> {
                    List<AdherenceChanges.ReportedEvent> unknown = new ArrayList<>();
                    for (int i = 0; i < events.size(); i++) {
                        AdherenceChanges.ReportedEvent event = events.get(i);
                        switch (outcomes.get(i)) {
                            case STORED -> stored(event);
                            case DUPLICATE -> metrics.record(event.type(), SessionEventMetrics.Outcome.DUPLICATE);
                            case UNKNOWN_USER -> unknown.add(event);
                        }
                    }
                    if (unknown.isEmpty() || !Instant.now().isBefore(giveUpAt)) {
                        return Uni.createFrom().item(unknown);
                    }
                    Duration doubled = backOff.multipliedBy(2);
                    Duration next = doubled.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : doubled;
                    return Uni.createFrom().voidItem().onItem().delayIt().by(backOff)
                            .flatMap(x -> accept(unknown, giveUpAt, next));
                });
    }

    private void stored(AdherenceChanges.ReportedEvent event) {
        metrics.record(event.type(), SessionEventMetrics.Outcome.OK);
        metrics.stateUpdated(event.activity().time(), clock.instant());
        if (event.activity() instanceof Activity.SessionPainStopped stop) {
            metrics.painStop(stop.exerciseId(), stop.sharp(), stop.redFlags());
        } else if (event.activity() instanceof Activity.SessionCompleted) {
            metrics.sessionCompleted();
        }
    }

    private String typeOf(ConsumerRecord<String, String> record) {
        String type = envelope.attributeHint(record.headers(), record.value(), "type");
        return EventSchemas.CLIENT_TYPES.contains(type) ? type : "unknown";
    }
}
