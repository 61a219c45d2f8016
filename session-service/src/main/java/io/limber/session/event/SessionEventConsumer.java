package io.limber.session.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.session.adherence.Activity;
import io.limber.session.contract.ActivityMapper;
import io.limber.session.contract.CloudEvents;
import io.limber.session.contract.EventSchemas;
import io.limber.session.contract.Violation;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code session-events} (CloudEvents in structured or binary mode). A poison message goes to
 * {@code session-events.dlq} with the reason in its headers; a failure of our own (the database is away) is retried
 * until it passes, so a valid event is never skipped.
 */
@ApplicationScoped
public class SessionEventConsumer {

    private final CloudEvents cloudEvents;
    private final EventSchemas schemas;
    private final SessionEventService service;
    private final SessionEventMetrics metrics;
    private final Clock clock;
    private final Duration unknownUserGrace;

    public SessionEventConsumer(ObjectMapper mapper, EventSchemas schemas, SessionEventService service,
                                SessionEventMetrics metrics, Clock clock,
                                @ConfigProperty(name = "limber.session-events.unknown-user-grace") Duration unknownUserGrace) {
        this.unknownUserGrace = unknownUserGrace;
        this.cloudEvents = new CloudEvents(mapper);
        this.schemas = schemas;
        this.service = service;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Incoming("session-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        JsonNode event;
        Activity activity;
        try {
            event = read(record);
            List<Violation> violations = schemas.violations(event);
            if (!violations.isEmpty()) {
                throw new PoisonEvent(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
            }
            if (!schemas.isClientType(event.get("type").asText())) {
                throw new PoisonEvent("$.type: not a client event type '" + event.get("type").asText() + "'");
            }
            String userId = event.get("data").get("userId").asText();
            if (record.key() != null && !record.key().equals(userId)) {
                throw new PoisonEvent("key: the Kafka key must be data.userId");
            }
            activity = ActivityMapper.toActivity(event);
        } catch (IllegalArgumentException e) {
            return deadLetter(record, typeOf(record), e);
        }
        String type = event.get("type").asText();
        String userId = event.get("data").get("userId").asText();
        JsonNode data = event.get("data");
        return service.accept(userId, type, data.path("sessionId").asText(null), activity, event.toString())
                .onFailure(e -> !(e instanceof PoisonEvent)).invoke(e ->
                        Log.warnf("session event %s could not be stored, retrying: %s", activity.key().id(), e.getMessage()))
                .onFailure(e -> !(e instanceof PoisonEvent)).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                // the person's plan may still be on its way on the plans topic: wait a little before giving up
                .onFailure(PoisonEvent.UnknownUser.class).retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).expireIn(unknownUserGrace.toMillis())
                .onItem().invoke(outcome -> {
                    metrics.record(type, outcome);
                    if (outcome == SessionEventMetrics.Outcome.OK) {
                        metrics.stateUpdated(activity.time(), clock.instant());
                        if (activity instanceof Activity.SessionPainStopped stop) {
                            metrics.painStop(stop.exerciseId(), stop.sharp(), stop.redFlags());
                        } else if (activity instanceof Activity.SessionCompleted) {
                            metrics.sessionCompleted();
                        }
                    }
                })
                .replaceWithVoid()
                .onFailure(PoisonEvent.class).recoverWithUni(e -> deadLetter(record, type, e));
    }

    private Uni<Void> deadLetter(ConsumerRecord<?, ?> record, String type, Throwable reason) {
        metrics.record(type, SessionEventMetrics.Outcome.DEAD_LETTERED);
        Log.warnf("session event at %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(),
                reason.getMessage());
        return Uni.createFrom().failure(reason); // the dead-letter-queue failure strategy takes it from here
    }

    private JsonNode read(ConsumerRecord<String, String> record) {
        Header specversion = record.headers().lastHeader("ce_specversion");
        if (specversion == null) {
            return cloudEvents.structured(record.value());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
        }
        return cloudEvents.binary(headers, "ce_", record.value());
    }

    private static String typeOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        String value = record.value() == null ? "" : record.value();
        return EventSchemas.CLIENT_TYPES.stream().filter(t -> value.contains("\"" + t + "\"")).findFirst()
                .orElse("unknown");
    }
}
