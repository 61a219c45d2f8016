package io.limber.bench.history;

import io.limber.bench.BenchContext;
import io.limber.bench.ingest.SessionServiceReplica;
import io.limber.bench.support.Database;
import io.limber.bench.support.Infra;
import io.limber.bench.support.KafkaClients;
import io.limber.bench.support.PlanEvents;
import io.limber.bench.support.PlanIntake;
import io.limber.local.testing.CloudEventForms;
import io.limber.simulator.Cohort;
import io.limber.simulator.Person;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * One history length, on its own broker and database: the people's plans over Kafka (starting {@code days} days ago),
 * their history seeded with SQL, then a fresh replica takes a warm-up round and a measured round of one new session
 * per person; the measured round's wall time from the first send to the last person's new snapshot on
 * {@code adherence}.
 */
final class HistoryPhase {

    /**
     * What one phase measured.
     *
     * @param days           the history's length
     * @param seededEvents   session events written with SQL before the rounds
     * @param events         events sent in the measured round (two per person)
     * @param seconds        the measured round's wall time
     * @param warmUpSeconds  the warm-up round's wall time (each person's first recompute after the start)
     */
    record Result(int days, long seededEvents, int events, double seconds, double warmUpSeconds) {

        double microsPerEvent() {
            return seconds * 1e6 / events;
        }
    }

    private static final Duration ROUND_LIMIT = Duration.ofMinutes(10);

    private HistoryPhase() {
    }

    static Result run(BenchContext context, Cohort cohort, int days) throws Exception {
        List<Person> people = cohort.people();
        Instant now = Instant.now();
        try (Infra infra = Infra.start(context)) {
            Database database = new Database(infra.postgres(), infra.freshDatabase("session"));
            Map<String, String> plans = new LinkedHashMap<>();
            for (Person person : people) {
                LocalDate start = LocalDate.ofInstant(now, person.zone()).minusDays(days);
                plans.put(person.userId(), PlanEvents.eveningStretches(person, start,
                        now.minusSeconds(days * 86_400L + 3_600)));
            }
            try (SessionServiceReplica replica = replica(context, infra, database, days, "plans")) {
                replica.awaitReady(Duration.ofSeconds(120));
                PlanIntake.Outcome intake = PlanIntake.send(infra.bootstrapServers(), plans, database,
                        Duration.ofMinutes(3), replica::requireAlive);
                if (!intake.complete()) {
                    throw new IllegalStateException(String.format("session-service took in %d of %d plans starting %d"
                                    + " days ago within 3 minutes (refused? see plans.dlq and %s)",
                            database.count("SELECT count(*) FROM person"), people.size(), days,
                            replica.process().log()));
                }
            }
            long began = System.nanoTime();
            long seeded = HistorySeeder.seed(database, cohort, people, now, days);
            context.say(String.format("history %d days: %,d people known, %,d events seeded in %.0f s", days,
                    people.size(), seeded, (System.nanoTime() - began) / 1e9));

            try (SessionServiceReplica replica = replica(context, infra, database, days, "rounds");
                 AdherenceWatch watch = new AdherenceWatch(infra.bootstrapServers());
                 KafkaProducer<String, String> producer = KafkaClients.producer(infra.bootstrapServers(),
                         Map.of("acks", "all"))) {
                replica.awaitReady(Duration.ofSeconds(120));
                watch.awaitAssigned();
                Set<String> users = people.stream().map(Person::userId).collect(Collectors.toSet());
                double warmUp = round(producer, watch, replica, users, Duration.ofMinutes(40), Duration.ofMinutes(30));
                context.say(String.format("history %d days: warm-up round %.2f s", days, warmUp));
                double measured = round(producer, watch, replica, users, Duration.ofMinutes(12), Duration.ofMinutes(1));
                long stored = database.count("SELECT count(*) FROM session_event");
                if (stored != seeded + 4L * people.size()) {
                    context.say(String.format("history %d days: WARNING %,d events stored, %,d expected", days, stored,
                            seeded + 4L * people.size()));
                }
                return new Result(days, seeded, 2 * people.size(), measured, warmUp);
            }
        }
    }

    /**
     * Each person's new session (started {@code startedAgo}, completed {@code completedAgo} before now), sent at once;
     * seconds from the first send to the last person's snapshot that has seen it.
     */
    private static double round(KafkaProducer<String, String> producer, AdherenceWatch watch,
                                SessionServiceReplica replica, Set<String> users, Duration startedAgo,
                                Duration completedAgo) throws InterruptedException {
        // milliseconds, as a client sends them: the service stores microseconds, and the watch compares instants
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant completedAt = now.minus(completedAgo);
        List<TodaySession> sessions = users.stream().sorted()
                .map(user -> new TodaySession(user, now.minus(startedAgo), completedAt)).toList();
        List<List<String>> events = sessions.stream().map(TodaySession::events).toList();
        watch.expect(users, completedAt);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long first = System.nanoTime();
        for (int i = 0; i < sessions.size(); i++) {
            for (String event : events.get(i)) {
                String user = sessions.get(i).userId();
                producer.send(CloudEventForms.record("session-events", user, event, CloudEventForms.Form.STRUCTURED),
                        (m, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("could not send: " + failure.get().getMessage(), failure.get());
        }
        long last = watch.awaitAll(ROUND_LIMIT, replica::requireAlive);
        return (last - first) / 1e9;
    }

    private static SessionServiceReplica replica(BenchContext context, Infra infra, Database database, int days,
                                                 String step) {
        return SessionServiceReplica.start(context.root(),
                context.workDir().resolve("logs/history-" + days + "d-" + step + "-" + System.nanoTime() + ".log"),
                infra.bootstrapServers(), infra.postgres(), database.name(),
                SessionServiceReplica.Consumption.standard());
    }
}
