package io.limber.reminder.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.reminder.erasure.ErasureService;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.messaging.Retry;
import io.limber.reminder.nudge.NudgeMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code plans} (compacted, key = user id): a plan snapshot, or a tombstone that erases the person. */
@ApplicationScoped
public class PlanConsumer {

    static final String PLAN_PUBLISHED = "limber.plan.published";

    private final CloudEventEnvelope envelope;
    private final PlanService service;
    private final ErasureService erasure;
    private final NudgeMetrics metrics;

    public PlanConsumer(ObjectMapper mapper, PlanService service, ErasureService erasure, NudgeMetrics metrics) {
        this.envelope = new CloudEventEnvelope(mapper);
        this.service = service;
        this.erasure = erasure;
        this.metrics = metrics;
    }

    @Incoming("plans")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Retry.consumed("plans", metrics, Uni.createFrom().deferred(() -> handle(record)));
    }

    private Uni<Void> handle(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("tombstone without a key"));
            }
            Log.debug("plan tombstone: erasing a person");
            return erasure.erase(record.key());
        }
        JsonNode event = envelope.fromKafka(record.headers(), record.value());
        if (!PLAN_PUBLISHED.equals(event.path("type").asText())) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> service.onPlan(EventMapper.plan(event.path("data")),
                event.path("data").toString(), EventMapper.publishedAt(event)));
    }
}
