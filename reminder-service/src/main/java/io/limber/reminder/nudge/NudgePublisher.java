package io.limber.reminder.nudge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Puts a nudge on {@code nudges}, keyed by the person, and completes when the broker has it. */
@ApplicationScoped
public class NudgePublisher {

    private final Emitter<String> emitter;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    public NudgePublisher(@Channel("nudges") Emitter<String> emitter, ObjectMapper mapper, MeterRegistry registry) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.registry = registry;
    }

    public Uni<Void> publish(Nudge nudge) {
        String json;
        try {
            json = mapper.writeValueAsString(NudgeMessage.of(nudge));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().completionStage(() -> {
            var acked = new java.util.concurrent.CompletableFuture<Void>();
            Message<String> message = Message.of(json)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(nudge.userId).build())
                    .withAck(() -> {
                        acked.complete(null);
                        return acked;
                    })
                    .withNack(failure -> {
                        acked.completeExceptionally(failure);
                        return acked;
                    });
            emitter.send(message);
            return acked;
        }).invoke(() -> registry.counter("limber.nudges.published", "kind", nudge.kind).increment());
    }
}
