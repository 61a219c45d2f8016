package io.limber.bench.ingest;

import io.limber.bench.support.PlanEvents;
import io.limber.simulator.ClientEvent;
import io.limber.simulator.Cohort;
import io.limber.simulator.Person;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The events an ingest run reads: a seeded simulator cohort's history (the simulator's persona mix: late reporters,
 * offline flushes, duplicates, pain-stops) and, first, each person's plan as routine-service publishes it on
 * {@code plans}, so session-service knows everyone before their events arrive.
 */
public final class IngestWorkload {

    static final long SEED = 9;
    static final int DAYS = 28;

    private final Cohort cohort;
    private final Clock clock;
    private final int days;
    private final List<ClientEvent> events;

    public IngestWorkload(int people, Clock clock) {
        this(people, clock, DAYS);
    }

    /** The cohort's history over {@code days} days before today (at most 365: older client events are refused). */
    public IngestWorkload(int people, Clock clock, int days) {
        this.cohort = new Cohort(SEED, people);
        this.clock = clock;
        this.days = days;
        this.events = cohort.history(clock, days);
    }

    public int people() {
        return cohort.people().size();
    }

    public int events() {
        return events.size();
    }

    /** Events with a CloudEvent (source, id) of their own: what session-service stores (the rest are resends). */
    public long uniqueEvents() {
        return events.stream().map(e -> e.channel() + "|" + e.eventId()).distinct().count();
    }

    /** Writes every person's plan to {@code plansTopic} and the history, in send order, to {@code eventsTopic}. */
    public void load(String bootstrapServers, String plansTopic, String eventsTopic) {
        send(bootstrapServers, plansTopic, eventsTopic);
    }

    /** Every person's plan: user id to {@code limber.plan.published}, as {@link #load} sends them. */
    public Map<String, String> plans() {
        Map<String, String> plans = new java.util.LinkedHashMap<>();
        cohort.people().forEach(person -> plans.put(person.userId(), plan(person)));
        return plans;
    }

    /** Writes the history, in send order, to {@code eventsTopic} only. */
    public void loadEvents(String bootstrapServers, String eventsTopic) {
        send(bootstrapServers, null, eventsTopic);
    }

    private void send(String bootstrapServers, String plansTopic, String eventsTopic) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback callback = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            for (Person person : plansTopic == null ? List.<Person>of() : cohort.people()) {
                producer.send(new ProducerRecord<>(plansTopic, person.userId(), plan(person)), callback);
            }
            for (ClientEvent event : eventsTopic == null ? List.<ClientEvent>of() : events) {
                producer.send(new ProducerRecord<>(eventsTopic, event.userId(), event.json()), callback);
            }
            producer.flush();
        }
        if (failure.get() != null) { // a failed send fails the run rather than shrinking N
            throw new IllegalStateException("could not load the workload: " + failure.get().getMessage(), failure.get());
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return new KafkaProducer<>(props);
    }

    /** {@code limber.plan.published} version 1 as routine-service writes it: every evening, from the history's start. */
    String plan(Person person) {
        return PlanEvents.eveningStretches(person, Cohort.startDate(person, clock, days),
                clock.instant().minusSeconds(days * 86_400L + 3_600));
    }
}
