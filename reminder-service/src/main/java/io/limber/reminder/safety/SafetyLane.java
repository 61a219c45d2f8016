package io.limber.reminder.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.messaging.ClientEventCheck;
import io.limber.reminder.messaging.Retry;
import io.limber.reminder.messaging.SessionEventTypes;
import io.limber.reminder.nudge.NudgeMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The priority lane for pain: reads {@code session-events} in its own consumer group ({@code reminder-service-safety})
 * so a pain-stop never queues behind the routine events the {@code session-events} channel is still working through.
 * It reads each record's type (the {@code ce_type} header in binary mode, the value's top-level {@code type} in
 * structured mode, {@link CloudEventEnvelope#typeOf}), skips everything but pain-stops and pain reports unread, reads
 * those through {@link CloudEventEnvelope} (structured or binary mode), and hands those at once to
 * {@link SafetyService}, exactly as the {@code session-events} channel does (one transaction, the relay woken on
 * commit).
 *
 * <p>The {@code session-events} channel still handles pain events too: it stays the path of record (ordering with the
 * person's other events, dead letters). Every write is idempotent (deterministic nudge, review and check-in ids, ON
 * CONFLICT, GREATEST), so whichever comes second inserts nothing. The lane never dead-letters; a pain event it cannot
 * answer is counted ({@code limber_pain_events_unanswered_total{channel="safety-lane"}}) and logged at WARN with its
 * event id, and left to that channel.
 */
@ApplicationScoped
public class SafetyLane {

    private final CloudEventEnvelope envelope;
    private final SafetyService safety;
    private final NudgeMetrics metrics;
    private final Clock clock;

    public SafetyLane(ObjectMapper mapper, SafetyService safety, NudgeMetrics metrics, Clock clock) {
        this.envelope = new CloudEventEnvelope(mapper);
        this.safety = safety;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Incoming("safety-lane")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        String announced = envelope.typeOf(record.headers(), record.value());
        if (!announced.isEmpty() && !SessionEventTypes.isPain(announced)) {
            // the lane must keep up with every record of session-events: skip the others unread (the measured
            // cost of reading each in full was a lane seconds behind at 1,000 events/s; deploy/bench safety)
            return Uni.createFrom().voidItem();
        }
        JsonNode event;
        String type;
        try {
            event = envelope.fromKafka(record.headers(), record.value());
            type = event.path("type").asText();
            if (!SessionEventTypes.isPain(type)) {
                return Uni.createFrom().voidItem();
            }
            ClientEventCheck.require(event, record.key(), clock.instant());
        } catch (IllegalArgumentException e) {
            String hinted = envelope.attributeHint(record.headers(), record.value(), "type");
            if (SessionEventTypes.isPain(hinted)) {
                unanswered(hinted, envelope.attributeHint(record.headers(), record.value(), "id"),
                        NudgeMetrics.REFUSED, e.getMessage());
            }
            return Uni.createFrom().voidItem();
        }
        String eventId = event.path("id").asText();
        return Retry.transientFailures(Uni.createFrom().deferred(() -> answer(type, event)))
                .onFailure().invoke(failure -> unanswered(type, eventId,
                        Retry.isTransient(failure) ? NudgeMetrics.FAILED : NudgeMetrics.REFUSED,
                        Retry.isTransient(failure) ? failure.getClass().getSimpleName() : failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Hands the event to {@link SafetyService}, as the {@code session-events} channel does. */
    private Uni<Void> answer(String type, JsonNode event) {
        return SessionEventTypes.PAIN_STOPPED.equals(type)
                ? safety.onPainStop(EventMapper.activity(event), EventMapper.painStop(event))
                : safety.onPainReported(EventMapper.activity(event), EventMapper.painReport(event));
    }

    private void unanswered(String type, String eventId, String reason, String why) {
        metrics.countPainUnanswered(NudgeMetrics.SAFETY_LANE, reason);
        Log.warnf("safety lane could not answer %s event %s (%s: %s); the session-events channel handles or "
                + "dead-letters it", type, eventId, reason, why);
    }
}
