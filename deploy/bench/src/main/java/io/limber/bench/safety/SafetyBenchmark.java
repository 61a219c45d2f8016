package io.limber.bench.safety;

import io.limber.bench.BenchContext;
import io.limber.bench.Benchmark;
import io.limber.bench.Figure;
import io.limber.bench.support.Await;
import io.limber.bench.support.Infra;
import io.limber.bench.support.KafkaClients;
import io.limber.bench.support.Latencies;
import io.limber.bench.support.LimberService;
import io.limber.bench.support.PlanEvents;
import io.limber.bench.support.ServiceRun;
import io.limber.local.testing.CloudEventForms;
import io.limber.local.testing.CloudEventForms.Form;
import io.limber.simulator.ClientEvent;
import io.limber.simulator.Cohort;
import io.limber.simulator.Person;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Pain-stop produced to {@code session-events} until its safety nudge arrives on {@code nudges}, with the simulator's
 * mix sent at 1,000 events/s in the background and everyone's plan known to reminder-service first. The probes take
 * turns between the two Kafka modes the contract allows (structured with its content-type header, binary with
 * {@code ce_*} headers), so both forms meet the same load, and each form gets its own figures. The baseline is a plain
 * Kafka round trip (produce, then a default-configured consumer on another topic), probed at the same moments.
 */
public final class SafetyBenchmark implements Benchmark {

    static final String ROUND_TRIP_TOPIC = "bench-round-trip";
    static final int BACKGROUND_PER_SECOND = 1_000;
    static final Duration PROBE_INTERVAL = Duration.ofMillis(40);
    static final int WARM_UP_PROBES = 20;
    /**
     * How long reminder-service may take to start, and then to take in everyone's plan: seconds on an idle machine,
     * over 2 minutes each on 2 cores shared with builds.
     */
    static final Duration START_UP = Duration.ofMinutes(5);
    /** The forms the probes take turns in; each gets as many measured probes as the whole run had with one form. */
    static final List<Form> FORMS = List.of(Form.STRUCTURED, Form.BINARY);

    @Override
    public String name() {
        return "safety";
    }

    @Override
    public String description() {
        return "pain-stop -> safety nudge p50/p99/max, structured and binary mode, under 1,000 events/s, vs a"
                + " plain Kafka round trip";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> rows = new ArrayList<>();
        rows.addAll(run(context, "1 consumer", Map.of()));
        rows.addAll(run(context, "4 consumer copies", Map.of("SESSION_EVENTS_CONCURRENCY", "4")));
        return rows;
    }

    /** One measurement, on its own broker and database, with reminder-service started with {@code env}. */
    private List<Figure> run(BenchContext context, String setup, Map<String, String> env) throws Exception {
        int probesPerForm = context.quick() ? 100 : 300;
        int probes = probesPerForm * FORMS.size();
        try (Infra infra = Infra.start(context)) {
            try (var admin = infra.broker().admin()) {
                admin.createTopics(List.of(new NewTopic(ROUND_TRIP_TOPIC, 12, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            String database = infra.freshDatabase("reminder");
            Cohort cohort = new Cohort(42, context.quick() ? 100 : 300);
            List<ClientEvent> background = cohort.history(Clock.systemUTC(), 28);
            List<String> probeUsers = new ArrayList<>();
            for (int i = 0; i < WARM_UP_PROBES + probes; i++) {
                probeUsers.add(UUID.nameUUIDFromBytes(("bench-safety-" + i).getBytes(StandardCharsets.UTF_8))
                        .toString());
            }
            try (ServiceRun reminder = ServiceRun.start(context.root(), context.workDir().resolve("logs"),
                         LimberService.REMINDER, infra, database, ServiceRun.javaOfThisProcess(),
                         ServiceRun.DEFAULT_JVM_OPTIONS, env);
                 KafkaProducer<String, String> producer = KafkaClients.producer(infra.bootstrapServers(),
                         Map.of(ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"))) {
                reminder.awaitReady(START_UP);
                publishPlans(producer, cohort, probeUsers);
                int people = cohort.people().size() + probeUsers.size();
                Await.until("reminder-service to know " + people + " plans", START_UP,
                        () -> plansKnown(infra, database) >= people);
                context.say("safety (" + setup + "): " + people + " plans known; " + background.size()
                        + " background events available");

                try (ArrivalWatch nudges = new ArrivalWatch(infra.bootstrapServers(), "nudges",
                             r -> r.value() != null && r.value().contains("\"kind\":\"safety\""));
                     ArrivalWatch roundTrip = new ArrivalWatch(infra.bootstrapServers(), ROUND_TRIP_TOPIC,
                             r -> true);
                     BackgroundLoad load = new BackgroundLoad(infra.bootstrapServers(), background)) {
                    Await.until("the watching consumers' assignment", Duration.ofSeconds(60),
                            () -> nudges.assigned() && roundTrip.assigned());
                    Thread.sleep(2_000); // background load runs alone for a moment before the first probe
                    for (int i = 0; i < probeUsers.size(); i++) {
                        String user = probeUsers.get(i);
                        Form form = formOf(i);
                        nudges.sent(user);
                        producer.send(CloudEventForms.record("session-events", user,
                                PainStopEvents.sharp("bench-pain-" + i, user, Instant.now()), form));
                        roundTrip.sent(user);
                        producer.send(new ProducerRecord<>(ROUND_TRIP_TOPIC, user, "probe " + i));
                        Thread.sleep(PROBE_INTERVAL.toMillis());
                    }
                    try {
                        Await.until("every safety nudge", Duration.ofSeconds(60),
                                () -> nudges.latencies().size() >= probeUsers.size()
                                        && roundTrip.latencies().size() >= probeUsers.size());
                    } catch (IllegalStateException e) {
                        context.say("safety: only " + nudges.latencies().size() + " of " + probeUsers.size()
                                + " safety nudges arrived within 60 s of the last probe");
                    }
                    double rate = load.ratePerSecond();
                    List<String> measuredUsers = probeUsers.subList(WARM_UP_PROBES, probeUsers.size());
                    Latencies plain = measured(roundTrip, measuredUsers);
                    List<Figure> rows = new ArrayList<>();
                    for (Form form : FORMS) {
                        List<String> users = new ArrayList<>();
                        for (int i = WARM_UP_PROBES; i < probeUsers.size(); i++) {
                            if (formOf(i) == form) {
                                users.add(probeUsers.get(i));
                            }
                        }
                        Latencies service = measured(nudges, users);
                        context.say(String.format("safety (%s, %s): %d of %d probes answered", setup, label(form),
                                service.count(), users.size()));
                        rows.addAll(figures(setup, label(form), service, plain, users.size()));
                    }
                    context.say(String.format("safety (%s): background load %.0f events/s", setup, rate));
                    rows.add(Figure.of("safety", "background load (simulator mix), " + setup, rate, "events/s")
                            .target(">= 950 events/s", rate >= 950));
                    return rows;
                }
            }
        }
    }

    /**
     * One form's rows: its latencies against the round trips of every measured probe (both forms share the load and
     * the baseline).
     */
    private static List<Figure> figures(String setup, String form, Latencies service, Latencies plain, int probes) {
        String baseline = "plain Kafka round trip";
        String measure = form + " pain-stop -> safety nudge, ";
        List<Figure> rows = new ArrayList<>();
        rows.add(Figure.of("safety", measure + "p50, " + setup, service.percentile(50), "ms")
                .against(baseline, plain.percentile(50)));
        rows.add(Figure.of("safety", measure + "p99, " + setup, service.percentile(99), "ms")
                .against(baseline, plain.percentile(99))
                .target("<= 50 ms", service.count() == probes && service.percentile(99) <= 50));
        rows.add(Figure.of("safety", measure + "max, " + setup, service.max(), "ms")
                .against(baseline, plain.max()));
        rows.add(Figure.of("safety", "safety nudges of " + probes + " " + form + " pain-stops, " + setup,
                        service.count(), "nudges")
                .target("all", service.count() == probes));
        return rows;
    }

    /** The form probe {@code i} is sent in: the forms take turns, warm-up probes included. */
    private static Form formOf(int i) {
        return FORMS.get(i % FORMS.size());
    }

    private static String label(Form form) {
        return form.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The latencies of these probes' arrivals (those that arrived). */
    private static Latencies measured(ArrivalWatch watch, List<String> users) {
        List<Double> values = new ArrayList<>();
        for (String user : users) {
            Double latency = watch.latencies().get(user);
            if (latency != null) {
                values.add(latency);
            }
        }
        return Latencies.of(values);
    }

    private static void publishPlans(KafkaProducer<String, String> producer, Cohort cohort, List<String> probeUsers) {
        Instant now = Instant.now();
        for (Person person : cohort.people()) {
            producer.send(new ProducerRecord<>("plans", person.userId(), PlanEvents.dailyStretches(person.userId(),
                    person.zone(), person.eveningTime(), Cohort.startDate(person, Clock.systemUTC(), 28), now)));
        }
        for (String user : probeUsers) {
            producer.send(new ProducerRecord<>("plans", user, PlanEvents.dailyStretches(user, ZoneId.of("UTC"),
                    LocalTime.of(20, 30), LocalDate.now().minusDays(7), now)));
        }
        producer.flush();
    }

    private static long plansKnown(Infra infra, String database) {
        try (Connection connection = infra.postgres().connect(database);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM person WHERE plan_version IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return 0; // the schema may not be migrated yet
        }
    }

    /** Sends the simulator's events to {@code session-events} at {@value #BACKGROUND_PER_SECOND}/s, round robin. */
    static final class BackgroundLoad implements AutoCloseable {

        private final KafkaProducer<String, String> producer;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong sent = new AtomicLong();
        private final Thread thread;
        private final long startedNanos = System.nanoTime();
        private volatile long stoppedNanos;

        BackgroundLoad(String bootstrap, List<ClientEvent> events) {
            this.producer = KafkaClients.producer(bootstrap, Map.of());
            this.thread = new Thread(() -> send(events), "background-load");
            thread.setDaemon(true);
            thread.start();
        }

        private void send(List<ClientEvent> events) {
            long next = System.nanoTime();
            int index = 0;
            while (running.get()) {
                for (int i = 0; i < BACKGROUND_PER_SECOND / 100; i++) {
                    ClientEvent event = events.get(index++ % events.size());
                    producer.send(new ProducerRecord<>("session-events", event.userId(), event.json()));
                    sent.incrementAndGet();
                }
                next += TimeUnit.MILLISECONDS.toNanos(10);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        double ratePerSecond() {
            long end = stoppedNanos == 0 ? System.nanoTime() : stoppedNanos;
            return sent.get() / ((end - startedNanos) / 1e9);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
            stoppedNanos = System.nanoTime();
            producer.close(Duration.ofSeconds(5));
        }
    }
}
