package io.limber.session.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.session.adherence.PlanVersion;
import io.limber.session.adherence.service.AdherenceChanges;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.session.contract.PlanMapper;
import io.limber.session.event.PoisonEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads routine-service's {@code plans}: a plan snapshot is kept, a tombstone erases the person. */
@ApplicationScoped
public class PlanConsumer {

    private final CloudEventEnvelope envelope;
    private final AdherenceChanges service;

    public PlanConsumer(ObjectMapper mapper, AdherenceChanges service) {
        this.envelope = new CloudEventEnvelope(mapper);
        this.service = service;
    }

    @Incoming("plans")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() == null) {
                return Uni.createFrom().failure(new PoisonEvent("a tombstone needs the user id as key"));
            }
            return retried(service.erase(record.key()));
        }
        JsonNode event;
        PlanVersion plan;
        String userId;
        try {
            event = envelope.fromKafka(record.headers(), record.value());
            plan = PlanMapper.toPlanVersion(event);
            userId = PlanMapper.userId(event);
            if (!event.hasNonNull("source") || !event.hasNonNull("id")) {
                throw new PoisonEvent("$.id, $.source: required");
            }
            if (record.key() != null && !record.key().equals(userId)) {
                throw new PoisonEvent("key: the Kafka key must be data.userId");
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            Log.warnf("plan at %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Uni.createFrom().failure(new PoisonEvent(e.getMessage()));
        }
        return retried(service.acceptPlan(userId, event.get("source").asText(), event.get("id").asText(), plan,
                event.toString()).replaceWithVoid());
    }

    private static Uni<Void> retried(Uni<Void> work) {
        return work.onFailure().invoke(e -> Log.warnf("plan could not be stored, retrying: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

}
