package io.limber.bench.burst;

import io.limber.bench.support.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** A plain consumer on its own thread counting matching records, with the wall-clock time of the latest one. */
final class ArrivalCounter implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Predicate<ConsumerRecord<String, String>> matches;
    private final AtomicLong count = new AtomicLong();
    private final Thread thread;
    private volatile long lastMillis;
    private volatile boolean assigned;
    private volatile boolean running = true;

    ArrivalCounter(String bootstrap, String topic, Predicate<ConsumerRecord<String, String>> matches) {
        this.consumer = KafkaClients.consumer(bootstrap, "bench-count-" + topic + "-" + System.nanoTime());
        this.matches = matches;
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::loop, "count-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(100));
            long now = System.currentTimeMillis();
            assigned = assigned || !consumer.assignment().isEmpty();
            int matched = 0;
            for (ConsumerRecord<String, String> record : records) {
                if (matches.test(record)) {
                    matched++;
                }
            }
            if (matched > 0) {
                count.addAndGet(matched);
                lastMillis = now;
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    boolean assigned() {
        return assigned;
    }

    long count() {
        return count.get();
    }

    long lastArrivalMillis() {
        return lastMillis;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
