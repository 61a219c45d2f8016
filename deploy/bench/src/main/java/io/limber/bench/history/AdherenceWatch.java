package io.limber.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.bench.support.Await;
import io.limber.bench.support.KafkaClients;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A plain consumer of {@code adherence} on its own thread: notes when each expected person's snapshot that has seen a
 * given session event ({@code lastSessionEventAt} at or after it) arrives. Reads structured CloudEvents (the value is
 * the event, its {@code data} the snapshot) and, should the service ever publish binary ones, a bare {@code data}.
 */
final class AdherenceWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private volatile Set<String> expected = Set.of();
    private volatile Instant seenEventAt = Instant.MAX;
    private volatile boolean assigned;
    private volatile boolean running = true;

    AdherenceWatch(String bootstrap) {
        this.consumer = KafkaClients.consumer(bootstrap, "bench-adherence-watch-" + System.nanoTime());
        consumer.subscribe(List.of("adherence"));
        this.thread = new Thread(this::loop, "adherence-watch");
        thread.setDaemon(true);
        thread.start();
    }

    void awaitAssigned() throws InterruptedException {
        Await.until("the adherence consumer's assignment", Duration.ofSeconds(60), () -> assigned);
    }

    /** From now on, waits for each of {@code users}' snapshots with {@code lastSessionEventAt >= eventAt}. */
    void expect(Set<String> users, Instant eventAt) {
        arrivals.clear();
        seenEventAt = eventAt;
        expected = Set.copyOf(users);
    }

    /** Waits until every expected person's snapshot arrived; the {@link System#nanoTime()} of the last arrival. */
    long awaitAll(Duration timeout, Runnable alive) throws InterruptedException {
        Await.until(expected.size() + " snapshots on adherence (" + arrivals.size() + " so far)", timeout, () -> {
            alive.run();
            return arrivals.size() >= expected.size();
        });
        return arrivals.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    int arrived() {
        return arrivals.size();
    }

    private void loop() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(20));
            long now = System.nanoTime();
            assigned = assigned || !consumer.assignment().isEmpty();
            for (ConsumerRecord<String, String> record : records) {
                if (record.value() != null && expected.contains(record.key()) && hasSeen(record.value())) {
                    arrivals.putIfAbsent(record.key(), now);
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    private boolean hasSeen(String value) {
        try {
            JsonNode event = JSON.readTree(value);
            JsonNode data = event.has("data") ? event.get("data") : event;
            JsonNode last = data.get("lastSessionEventAt");
            return last != null && !last.isNull() && !Instant.parse(last.asText()).isBefore(seenEventAt);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
