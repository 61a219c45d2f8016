package io.limber.bench.burst;

import io.limber.bench.BenchContext;
import io.limber.bench.Benchmark;
import io.limber.bench.Figure;
import io.limber.bench.support.Await;
import io.limber.bench.support.Infra;
import io.limber.bench.support.KafkaClients;
import io.limber.bench.support.LimberService;
import io.limber.bench.support.ServiceRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * 1,000,000 plans in reminder-service, 100,000 of them due in the same minute: the time from that minute until every
 * due reminder is on {@code nudges}, and the database bytes per plan. Plans are loaded with SQL (see
 * {@link PlanLoader}): the 100,000 with their full 14-day horizon, as the service holds them in steady state (so
 * firing tops up one new day), the other 900,000 with their due day only (the full-horizon size is extrapolated). The baseline is a plain producer sending as many nudge-sized records, timed from its first
 * send to a plain consumer's last arrival.
 */
public final class BurstBenchmark implements Benchmark {

    static final String BASELINE_TOPIC = "bench-burst-baseline";
    static final String BURST_PREFIX = "bench-burst-";
    static final int LATER_GROUPS = 6;
    /** reminder-service plans reminders this many days ahead (DueNudgeScheduler.HORIZON_DAYS). */
    static final int HORIZON_DAYS = 14;

    @Override
    public String name() {
        return "burst";
    }

    @Override
    public String description() {
        return "1M plans, 100k due in one minute: due time to last reminder on nudges, bytes per plan; "
                + "vs a plain producer";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        long plans = context.quick() ? 100_000 : 1_000_000;
        int burst = context.quick() ? 10_000 : 100_000;
        List<Figure> rows = new ArrayList<>();
        try (Infra infra = Infra.start(context)) {
            String database = infra.freshDatabase("reminder");
            try (var admin = infra.broker().admin()) {
                admin.createTopics(List.of(new NewTopic(BASELINE_TOPIC, 12, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            double allOutSeconds;
            long delivered;
            long sample;
            boolean loadedBeforeDue;
            try (ServiceRun reminder = ServiceRun.start(context.root(), context.workDir().resolve("logs"),
                         LimberService.REMINDER, infra, database);
                 Connection sql = infra.postgres().connect(database)) {
                reminder.awaitReady(Duration.ofSeconds(120));
                long began = System.nanoTime();
                Instant later = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
                long others = plans - burst;
                for (int g = 0; g < LATER_GROUPS; g++) {
                    long first = g * others / LATER_GROUPS;
                    long last = (g + 1) * others / LATER_GROUPS;
                    PlanLoader.load(sql, "bench-later-" + g + "-", first, last - first,
                            later.plus(37L * g, ChronoUnit.MINUTES), 1);
                }
                double othersSeconds = (System.nanoTime() - began) / 1e9;
                context.say(String.format("burst: %,d plans not due loaded in %.0f s", others, othersSeconds));
                // the due people carry 15 days of rows, the others one: leave time to load them before they are due
                double rowRatio = burst * (1.0 + 2 * (1 + HORIZON_DAYS)) / (others * 3.0);
                long margin = 15 + Math.round(1.5 * othersSeconds * rowRatio);

                try (ArrivalCounter reminders = new ArrivalCounter(infra.bootstrapServers(), "nudges",
                        r -> r.key() != null && r.key().startsWith(BURST_PREFIX) && r.value() != null
                                && r.value().contains("\"kind\":\"reminder\""))) {
                    Await.until("the nudges consumer's assignment", Duration.ofSeconds(60), reminders::assigned);
                    Instant due = Instant.now().plusSeconds(margin).truncatedTo(ChronoUnit.MINUTES).plus(1,
                            ChronoUnit.MINUTES);
                    long loadBurst = System.nanoTime();
                    PlanLoader.load(sql, BURST_PREFIX, 0, burst, due, 1 + HORIZON_DAYS);
                    analyze(sql);
                    context.say(String.format("burst: %,d plans due at %s loaded in %.0f s; %.0f s to wait", burst, due,
                            (System.nanoTime() - loadBurst) / 1e9,
                            Duration.between(Instant.now(), due).toMillis() / 1e3));
                    loadedBeforeDue = Instant.now().isBefore(due);
                    if (!loadedBeforeDue) {
                        context.say("burst: WARNING loading ended after the due time; the figure includes load time");
                    }
                    rows.add(bytesPerPlan(sql, plans, "loaded"));
                    long waitMillis = Duration.between(Instant.now(), due).toMillis();
                    if (waitMillis > 0) {
                        Thread.sleep(waitMillis);
                    }
                    try {
                        Await.until("every due reminder on nudges", Duration.ofSeconds(context.quick() ? 120 : 240),
                                () -> reminders.count() >= burst);
                    } catch (IllegalStateException e) {
                        context.say("burst: only " + reminders.count() + " of " + burst + " reminders arrived");
                    }
                    delivered = reminders.count();
                    allOutSeconds = (reminders.lastArrivalMillis() - due.toEpochMilli()) / 1e3;
                    sample = plans;
                }
                rows.add(bytesPerPlan(sql, sample, "after the burst"));
                rows.add(extrapolatedBytesPerPlan(sql, sample));
            }
            double baselineSeconds = plainProducer(infra, burst);
            rows.add(0, Figure.of("burst", String.format("%,d due reminders: due time -> last on nudges", burst),
                            allOutSeconds, "s")
                    .against("plain producer, same count", baselineSeconds)
                    .target(loadedBeforeDue ? "<= 60 s, all" : "<= 60 s (load overran)",
                            loadedBeforeDue && delivered >= burst && allOutSeconds <= 60));
            rows.add(1, Figure.of("burst", "due reminders on nudges", delivered, "nudges")
                    .target("all " + burst, delivered >= burst));
        }
        return rows;
    }

    private static void analyze(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("ANALYZE person");
            statement.execute("ANALYZE due_nudge");
        }
    }

    private static Figure bytesPerPlan(Connection sql, long plans, String when) throws SQLException {
        try (Statement statement = sql.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT pg_total_relation_size('person') + pg_total_relation_size('due_nudge')")) {
            rs.next();
            return Figure.of("burst", "DB bytes per plan, " + when, rs.getLong(1) / (double) plans, "bytes");
        }
    }

    /** person bytes per plan + due_nudge bytes per row x the rows a 14-day horizon holds (a reminder and a follow-up a day). */
    private static Figure extrapolatedBytesPerPlan(Connection sql, long plans) throws SQLException {
        try (Statement statement = sql.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT pg_total_relation_size('person'), pg_total_relation_size('due_nudge'),
                            (SELECT count(*) FROM due_nudge)""")) {
            rs.next();
            double perRow = rs.getLong(2) / (double) rs.getLong(3);
            return Figure.of("burst", "DB bytes per plan, full 14-day horizon (extrapolated)",
                    rs.getLong(1) / (double) plans + perRow * 2 * 15, "bytes");
        }
    }

    /** Seconds from the first send of {@code count} nudge-sized records to the last one's arrival at a plain consumer. */
    private static double plainProducer(Infra infra, int count) throws Exception {
        String payload = "x".repeat(620); // about the size of a reminder nudge's CloudEvent
        try (ArrivalCounter arrivals = new ArrivalCounter(infra.bootstrapServers(), BASELINE_TOPIC, r -> true);
             KafkaProducer<String, String> producer = KafkaClients.producer(infra.bootstrapServers(),
                     Map.of("acks", "all"))) {
            Await.until("the baseline consumer's assignment", Duration.ofSeconds(60), arrivals::assigned);
            long start = System.currentTimeMillis();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(BASELINE_TOPIC, BURST_PREFIX + i, payload));
            }
            producer.flush();
            Await.until("every baseline record", Duration.ofSeconds(120), () -> arrivals.count() >= count);
            return (arrivals.lastArrivalMillis() - start) / 1e3;
        }
    }
}
