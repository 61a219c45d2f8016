package io.limber.bench.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.simulator.ClientEvent;
import io.limber.simulator.Cohort;
import io.limber.simulator.Person;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The built-in evening routine as routine-service's catalogue prescribes it. */
    private static final String[][] HOLDS = {
        {"knees-to-chest", "both"}, {"forward-fold", "centre"}, {"childs-pose", "centre"}, {"childs-pose", "right"},
        {"childs-pose", "left"}, {"crossover", "right"}, {"crossover", "left"}, {"doorway-hamstring", "right"},
        {"doorway-hamstring", "left"}};

    private final Cohort cohort;
    private final Clock clock;
    private final List<ClientEvent> events;

    public IngestWorkload(int people, Clock clock) {
        this.cohort = new Cohort(SEED, people);
        this.clock = clock;
        this.events = cohort.history(clock, DAYS);
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
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback callback = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            for (Person person : cohort.people()) {
                producer.send(new ProducerRecord<>(plansTopic, person.userId(), plan(person)), callback);
            }
            for (ClientEvent event : events) {
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
        Instant published = clock.instant().minusSeconds(DAYS * 86_400L + 3_600);
        ObjectNode data = JSON.createObjectNode()
                .put("userId", person.userId())
                .put("version", 1)
                .put("status", "active")
                .put("timeZone", person.zone().getId())
                .put("localTime", person.eveningTime().toString());
        ArrayNode days = data.putObject("schedule").putArray("daysOfWeek");
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(day.name());
        }
        data.put("startDate", Cohort.startDate(person, clock, DAYS).toString());
        data.putNull("endDate");
        data.putObject("quietHours").put("start", "22:00").put("end", "07:00");
        data.put("reviewRequested", false).put("publishedAt", published.toString());
        ObjectNode routine = data.putArray("routines").addObject()
                .put("routineId", "lower-back-stretches").put("routineVersion", 1).put("core", false);
        ArrayNode holds = routine.putArray("holds");
        for (String[] hold : HOLDS) {
            holds.addObject().put("exerciseId", hold[0]).put("position", hold[1]).put("seconds", 60);
        }
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", "plan-" + person.userId() + "-v1")
                .put("source", "/routine-service")
                .put("type", "limber.plan.published")
                .put("time", published.toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", "urn:limber:schema:plan-published:1");
        event.set("data", data);
        return event.toString();
    }
}
