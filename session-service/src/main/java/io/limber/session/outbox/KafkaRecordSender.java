package io.limber.session.outbox;

import io.limber.platform.events.CloudEventEnvelope;
import io.limber.platform.outbox.OutboxRecord;
import io.limber.platform.outbox.RecordSender;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends outbox records to the compacted {@code adherence} topic (key = user id; value = the snapshot as a structured
 * CloudEvent, announced by its content-type header; null = a tombstone, with no header).
 */
@ApplicationScoped
public class KafkaRecordSender implements RecordSender {

    public static final String TOPIC = "adherence";

    private final MutinyEmitter<Record<String, String>> adherence;

    public KafkaRecordSender(@Channel("adherence-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                             MutinyEmitter<Record<String, String>> adherence) {
        this.adherence = adherence;
    }

    @Override
    public Uni<Void> send(OutboxRecord record) {
        if (!TOPIC.equals(record.topic())) {
            return Uni.createFrom().failure(new IllegalStateException("no channel for topic " + record.topic()));
        }
        RecordHeaders headers = new RecordHeaders();
        if (!record.tombstone()) {
            CloudEventEnvelope.structuredHeaders().forEach(headers::add);
        }
        Message<Record<String, String>> message = Message.of(Record.of(record.key(), record.payload()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers)
                        .build());
        return adherence.sendMessage(message);
    }
}
