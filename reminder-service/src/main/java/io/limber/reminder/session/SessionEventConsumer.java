package io.limber.reminder.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.messaging.ClientEventCheck;
import io.limber.reminder.messaging.Retry;
import io.limber.reminder.messaging.SessionEventTypes;
import io.limber.reminder.nudge.NudgeMetrics;
import io.limber.reminder.safety.SafetyService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code session-events}, CloudEvents in structured or binary mode alike; what cannot be read, or breaks the
 * contract (user id, key, event time), goes to {@code session-events.dlq} with the reason. A pain event that ends
 * there, or whose handling still fails after its retries, is counted and logged at WARN with its event id: it was
 * not answered.
 */
@ApplicationScoped
public class SessionEventConsumer {

    private final CloudEventEnvelope envelope;
    private final SessionService sessions;
    private final SafetyService safety;
    private final NudgeMetrics metrics;
    private final Clock clock;

    public SessionEventConsumer(ObjectMapper mapper, SessionService sessions, SafetyService safety,
                                NudgeMetrics metrics, Clock clock) {
        this.envelope = new CloudEventEnvelope(mapper);
        this.sessions = sessions;
        this.safety = safety;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Incoming("session-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Retry.consumed("session-events", metrics, Uni.createFrom().deferred(() -> handle(record)))
                .onFailure().invoke(failure -> unanswered(record, failure));
    }

    private Uni<Void> handle(ConsumerRecord<String, String> record) {
        JsonNode event = envelope.fromKafka(record.headers(), record.value());
        String type = event.path("type").asText();
        if (!SessionEventTypes.ALL.contains(type)) {
            return Uni.createFrom().voidItem();
        }
        ClientEventCheck.require(event, record.key(), clock.instant());
        Log.debugf("%s event %s received", type, event.path("id").asText());
        return Uni.createFrom().deferred(() -> handOver(type, event));
    }

    /** Pain to the safety path, everything else to the session use case. */
    private Uni<Void> handOver(String type, JsonNode event) {
        return switch (type) {
            case SessionEventTypes.PAIN_STOPPED ->
                    safety.onPainStop(EventMapper.activity(event), EventMapper.painStop(event));
            case SessionEventTypes.PAIN_REPORTED ->
                    safety.onPainReported(EventMapper.activity(event), EventMapper.painReport(event));
            default -> sessions.onActivity(EventMapper.activity(event));
        };
    }

    private void unanswered(ConsumerRecord<String, String> record, Throwable failure) {
        String type = envelope.attributeHint(record.headers(), record.value(), "type");
        if (!SessionEventTypes.isPain(type)) {
            return;
        }
        String reason = Retry.isTransient(failure) ? NudgeMetrics.FAILED : NudgeMetrics.REFUSED;
        metrics.countPainUnanswered(NudgeMetrics.SESSION_EVENTS, reason);
        Log.warnf("%s event %s at %s-%d@%d not answered, dead-lettered (%s): %s", type,
                envelope.attributeHint(record.headers(), record.value(), "id"), record.topic(), record.partition(),
                record.offset(), reason, Retry.isTransient(failure) ? failure.getClass().getSimpleName()
                        : failure.getMessage());
    }
}
