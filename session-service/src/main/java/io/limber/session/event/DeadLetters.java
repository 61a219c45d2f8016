package io.limber.session.event;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Puts session events that can never be processed on {@code session-events.dlq}: the record as received (key, value,
 * headers) plus the reason in {@code dead-letter-reason} and where it came from, counted as dead-lettered.
 */
@ApplicationScoped
public class DeadLetters {

    /** A record that cannot be processed, its event type as far as it is known, and why. */
    public record DeadLetter(ConsumerRecord<String, String> record, String type, Throwable reason) {
    }

    private final MutinyEmitter<Record<String, String>> topic;
    private final SessionEventMetrics metrics;

    public DeadLetters(@Channel("session-events-dlq") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                       MutinyEmitter<Record<String, String>> topic, SessionEventMetrics metrics) {
        this.topic = topic;
        this.metrics = metrics;
    }

    /** Completes once the broker has every dead letter, so the batch is acknowledged only then. */
    public Uni<Void> send(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(letters.stream().map(this::send).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(DeadLetter letter) {
        ConsumerRecord<String, String> record = letter.record();
        metrics.record(letter.type(), SessionEventMetrics.Outcome.DEAD_LETTERED);
        Log.warnf("session event at %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(),
                letter.reason().getMessage());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add("dead-letter-reason", bytes(letter.reason().getMessage()));
        if (letter.reason().getCause() != null && letter.reason().getCause().getMessage() != null) {
            headers.add("dead-letter-cause", bytes(letter.reason().getCause().getMessage()));
        }
        headers.add("dead-letter-exception-class-name", bytes(letter.reason().getClass().getName()));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        return topic.sendMessage(message(record.key(), record.value(), headers))
                // a record near the broker's size limit no longer fits with the reason beside it: keep the reason,
                // the headers and where it came from, drop the value (it stays on session-events until retention)
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("dead letter for %s-%d@%d sent without its value: %s", record.topic(), record.partition(),
                            record.offset(), e.getClass().getSimpleName());
                    headers.add("dead-letter-value-dropped", bytes(e.getClass().getSimpleName()));
                    return topic.sendMessage(message(record.key(), null, headers));
                });
    }

    private static Message<Record<String, String>> message(String key, String value, RecordHeaders headers) {
        return Message.of(Record.of(key, value))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers).build());
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}
