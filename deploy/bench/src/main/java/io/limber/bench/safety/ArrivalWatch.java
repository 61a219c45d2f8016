package io.limber.bench.safety;

import io.limber.bench.support.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A plain consumer (Kafka's default settings) on one topic, on its own thread: for every expected key, the time
 * from {@link #sent} to the first matching record's arrival.
 */
final class ArrivalWatch implements AutoCloseable {

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Double> latencyMillis = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Predicate<ConsumerRecord<String, String>> matches;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean assigned;

    ArrivalWatch(String bootstrap, String topic, Predicate<ConsumerRecord<String, String>> matches) {
        this.consumer = KafkaClients.consumer(bootstrap, "bench-watch-" + topic + "-" + System.nanoTime());
        this.matches = matches;
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::loop, "watch-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    boolean assigned() {
        return assigned;
    }

    /** Called just before the record that should lead to {@code key} on the topic is produced. */
    void sent(String key) {
        sentAt.put(key, System.nanoTime());
    }

    Map<String, Double> latencies() {
        return latencyMillis;
    }

    private void loop() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(100));
            long now = System.nanoTime();
            assigned = assigned || !consumer.assignment().isEmpty();
            for (ConsumerRecord<String, String> record : records) {
                Long sent = record.key() == null ? null : sentAt.get(record.key());
                if (sent != null && matches.test(record)) {
                    latencyMillis.putIfAbsent(record.key(), (now - sent) / 1e6);
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
