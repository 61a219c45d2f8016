package io.limber.reminder.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.reminder.messaging.CloudEventType;
import io.limber.reminder.messaging.Retry;
import io.limber.reminder.session.SessionService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The priority lane for pain: reads {@code session-events} in its own consumer group ({@code reminder-service-safety})
 * so a pain-stop never queues behind the routine events the {@code session-events} channel is still working through.
 * It looks only at each event's CloudEvent type, skips everything but pain-stops and pain reports without touching
 * the database, and handles those at once exactly as the {@code session-events} channel does (one transaction, the
 * relay woken on commit).
 *
 * <p>The {@code session-events} channel still handles pain events too: it stays the path of record (ordering with the
 * person's other events, dead letters). Every write is idempotent (deterministic nudge, review and check-in ids, ON
 * CONFLICT, GREATEST), so whichever comes second inserts nothing, and both take the person's row first, so they never
 * deadlock. The lane therefore never dead-letters: what it cannot handle it leaves to that channel.
 */
@ApplicationScoped
public class SafetyLane {

    private final ObjectMapper mapper;
    private final SessionService service;

    public SafetyLane(ObjectMapper mapper, SessionService service) {
        this.mapper = mapper;
        this.service = service;
    }

    @Incoming("safety-lane")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        String type = CloudEventType.of(record.headers(), record.value());
        if (!SessionService.isPain(type)) {
            return Uni.createFrom().voidItem();
        }
        JsonNode event;
        try {
            event = mapper.readTree(record.value());
        } catch (IOException e) {
            return Uni.createFrom().voidItem(); // the session-events channel dead-letters it
        }
        String eventId = event.path("id").asText();
        return Retry.transientFailures(Uni.createFrom().deferred(() -> service.onEvent(type, event)))
                .onFailure().invoke(failure -> {
                    if (Retry.isTransient(failure)) {
                        Log.warnf("safety lane gave up on %s event %s (%s); the session-events channel handles it",
                                type, eventId, failure.getClass().getSimpleName());
                    } else {
                        Log.debugf("safety lane cannot read %s event %s; the session-events channel dead-letters it",
                                type, eventId);
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
