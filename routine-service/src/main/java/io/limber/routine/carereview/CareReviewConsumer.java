package io.limber.routine.carereview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.events.CloudEventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.limber.routine.validation.ConcurrentChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code care-reviews}; a message it cannot use goes to {@code care-reviews.dlq} with the reason. */
@ApplicationScoped
public class CareReviewConsumer {

    private final ObjectMapper mapper;
    private final CloudEventEnvelope envelope;
    private final CareReviewService service;
    private final Counter processed;
    private final Counter deadLettered;

    public CareReviewConsumer(ObjectMapper mapper, CareReviewService service, MeterRegistry registry) {
        this.mapper = mapper;
        this.envelope = new CloudEventEnvelope(mapper);
        this.service = service;
        this.processed = consumed(registry, "processed");
        this.deadLettered = consumed(registry, "dead-lettered");
    }

    private static Counter consumed(MeterRegistry registry, String outcome) {
        return Counter.builder("limber.events.consumed").tag("topic", "care-reviews").tag("outcome", outcome)
                .description("Consumed events by topic and outcome (processed, dead-lettered)").register(registry);
    }

    @Incoming("care-reviews")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        // a failure here is what the dead-letter-queue strategy sends to care-reviews.dlq
        return Uni.createFrom().deferred(() -> handle(record))
                .invoke(() -> processed.increment()).onFailure().invoke(e -> deadLettered.increment());
    }

    private Uni<Void> handle(ConsumerRecord<String, String> record) {
        CareReviewRequested event;
        try {
            // structured or binary mode alike, through the shared envelope reader
            event = mapper.treeToValue(envelope.fromKafka(record.headers(), record.value()), CareReviewRequested.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException(notJson(e)));
        }
        if (!CareReviewRequested.TYPE.equals(event.type()) || event.id() == null || event.source() == null
                || event.data() == null || event.data().userId() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "not a " + CareReviewRequested.TYPE + " event with id, source and data.userId"));
        }
        // reminder-service builds event ids from the user id, so the id is only logged at DEBUG
        Log.debugf("care review event %s received", event.id());
        // A plan changed through REST at the same moment wins the version; apply the review on top of it.
        return service.record(event)
                .onFailure(ConcurrentChange::causedBy).retry().withBackOff(Duration.ofMillis(50)).atMost(5)
                .replaceWithVoid();
    }

    /**
     * Where the text broke (and, for a wrong shape, which field), never what it says: Jackson's own message quotes
     * the input, which may hold a user id, and the reason reaches the dead-letter header and the logs.
     */
    private static String notJson(JsonProcessingException e) {
        StringBuilder reason = new StringBuilder("care review is not valid JSON");
        if (e.getLocation() != null) {
            reason.append(" at line ").append(e.getLocation().getLineNr())
                    .append(", column ").append(e.getLocation().getColumnNr());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch) {
            reason.append(" (").append(mismatch.getPathReference()).append(')');
        }
        return reason.toString();
    }
}
