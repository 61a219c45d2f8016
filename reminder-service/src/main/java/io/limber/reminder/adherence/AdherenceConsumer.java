package io.limber.reminder.adherence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.messaging.Retry;
import io.limber.reminder.nudge.NudgeMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code adherence} (compacted, key = user id); a tombstone there means nothing to nudges. */
@ApplicationScoped
public class AdherenceConsumer {

    static final String ADHERENCE_UPDATED = "limber.adherence.updated";

    private final CloudEventEnvelope envelope;
    private final AdherenceService service;
    private final NudgeMetrics metrics;

    public AdherenceConsumer(ObjectMapper mapper, AdherenceService service, NudgeMetrics metrics) {
        this.envelope = new CloudEventEnvelope(mapper);
        this.service = service;
        this.metrics = metrics;
    }

    @Incoming("adherence")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Retry.consumed("adherence", metrics, Uni.createFrom().deferred(() -> handle(record)));
    }

    private Uni<Void> handle(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        JsonNode event = envelope.fromKafka(record.headers(), record.value());
        if (!ADHERENCE_UPDATED.equals(event.path("type").asText())) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> service.onAdherence(EventMapper.adherence(event.path("data")),
                EventMapper.time(event)));
    }
}
