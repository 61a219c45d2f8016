package io.limber.routine.outbox;

import io.limber.platform.outbox.OutboxRecord;
import io.limber.platform.outbox.RecordSender;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends outbox records to the {@code plans} channel (key = user id; value = CloudEvent JSON, or null to erase). */
@ApplicationScoped
public class KafkaRecordSender implements RecordSender {

    public static final String TOPIC = "plans";
    private static final byte[] CLOUDEVENT_JSON = "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);

    private final MutinyEmitter<Record<String, String>> plans;

    public KafkaRecordSender(@Channel("plans") MutinyEmitter<Record<String, String>> plans) {
        this.plans = plans;
    }

    @Override
    public Uni<Void> send(OutboxRecord record) {
        if (!TOPIC.equals(record.topic())) {
            return Uni.createFrom().failure(new IllegalStateException("no channel for topic " + record.topic()));
        }
        RecordHeaders headers = new RecordHeaders();
        if (!record.tombstone()) {
            headers.add("content-type", CLOUDEVENT_JSON);
        }
        Message<Record<String, String>> message = Message.of(Record.of(record.key(), record.payload()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build());
        return plans.sendMessage(message);
    }
}
