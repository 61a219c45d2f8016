package io.limber.bench.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Plans sent on {@code plans} as routine-service would (one batched producer, key = user id), until session-service
 * knows every person and has published each one's first snapshot (its outbox is empty).
 */
public final class PlanIntake {

    /** What taking in the plans took: from the first send until every person is known and the outbox is drained. */
    public record Outcome(int plans, double seconds, boolean complete) {

        public double perSecond() {
            return seconds == 0 ? 0 : plans / seconds;
        }
    }

    private PlanIntake() {
    }

    /**
     * Sends {@code plans} (user id to {@code limber.plan.published} JSON) and waits up to {@code limit};
     * {@code alive} is called while waiting (to fail early when the service has exited).
     */
    public static Outcome send(String bootstrap, Map<String, String> plans, Database database, Duration limit,
                               Runnable alive) throws InterruptedException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long began = System.nanoTime();
        try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap, Map.of("acks", "all",
                "linger.ms", 20, "batch.size", 256 * 1024))) {
            plans.forEach((user, plan) -> producer.send(new ProducerRecord<>("plans", user, plan), (m, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            }));
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("could not send the plans: " + failure.get().getMessage(), failure.get());
        }
        long deadline = began + limit.toNanos();
        while (database.count("SELECT count(*) FROM person") < plans.size()
                || database.count("SELECT count(*) FROM outbox") > 0) {
            alive.run();
            if (System.nanoTime() > deadline) {
                return new Outcome(plans.size(), limit.toMillis() / 1e3, false);
            }
            Thread.sleep(250);
        }
        return new Outcome(plans.size(), (System.nanoTime() - began) / 1e9, true);
    }
}
