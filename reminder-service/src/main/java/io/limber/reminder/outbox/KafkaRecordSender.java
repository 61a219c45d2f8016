package io.limber.reminder.outbox;

import io.limber.platform.events.CloudEventEnvelope;
import io.limber.platform.outbox.OutboxRecord;
import io.limber.platform.outbox.RecordSender;
import io.limber.reminder.nudge.NudgeStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends outbox records to the {@code nudges} or {@code care-reviews} topic, keyed by person, in structured mode
 * announced as the CloudEvents Kafka binding asks.
 */
@ApplicationScoped
public class KafkaRecordSender implements RecordSender {

    private final MutinyEmitter<String> nudges;
    private final MutinyEmitter<String> careReviews;

    public KafkaRecordSender(@Channel("nudges") MutinyEmitter<String> nudges,
                             @Channel("care-reviews") MutinyEmitter<String> careReviews) {
        this.nudges = nudges;
        this.careReviews = careReviews;
    }

    @Override
    public Uni<Void> send(OutboxRecord record) {
        MutinyEmitter<String> channel = switch (record.topic()) {
            case NudgeStore.NUDGES -> nudges;
            case NudgeStore.CARE_REVIEWS -> careReviews;
            default -> null;
        };
        if (channel == null) {
            return Uni.createFrom().failure(new IllegalStateException("no channel for topic " + record.topic()));
        }
        Message<String> message = Message.of(record.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(new RecordHeaders(CloudEventEnvelope.structuredHeaders())).build());
        return channel.sendMessage(message);
    }
}
