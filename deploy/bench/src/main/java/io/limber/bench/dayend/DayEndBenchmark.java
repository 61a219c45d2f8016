package io.limber.bench.dayend;

import io.limber.bench.BenchContext;
import io.limber.bench.Benchmark;
import io.limber.bench.Figure;
import io.limber.bench.ingest.SessionServiceReplica;
import io.limber.bench.support.Database;
import io.limber.bench.support.Infra;
import io.limber.bench.support.PlanEvents;
import io.limber.bench.support.PlanIntake;
import io.limber.simulator.Person;
import io.limber.simulator.Persona;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Many people in one zone whose local day ends at the same midnight: from that moment until session-service has
 * re-evaluated every one of them (each gets a new {@code next_check_at} in the future). Their plans come over Kafka;
 * the midnight is simulated by one {@code UPDATE person SET next_check_at = <now>}. The baseline is that very UPDATE:
 * what PostgreSQL itself takes to touch the same rows once.
 */
public final class DayEndBenchmark implements Benchmark {

    static final double TARGET_SECONDS = 60;
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Override
    public String name() {
        return "dayend";
    }

    @Override
    public String description() {
        return "100k people whose day ends at once: midnight -> all re-evaluated; baseline: one UPDATE of their rows";
    }

    static int people(BenchContext context) {
        String override = System.getenv("LIMBER_BENCH_DAYEND_PEOPLE");
        if (override != null && !override.isBlank()) {
            return Integer.parseInt(override.trim());
        }
        return context.quick() ? 10_000 : 100_000;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int people = people(context);
        Duration intakeLimit = context.quick() ? Duration.ofMinutes(3) : Duration.ofMinutes(20);
        Duration limit = context.quick() ? Duration.ofSeconds(60) : Duration.ofSeconds(180);
        List<Figure> figures = new ArrayList<>();
        try (Infra infra = Infra.start(context)) {
            Database database = new Database(infra.postgres(), infra.freshDatabase("session"));
            try (SessionServiceReplica replica = SessionServiceReplica.start(context.root(),
                    context.workDir().resolve("logs/dayend-" + System.nanoTime() + ".log"), infra.bootstrapServers(),
                    infra.postgres(), database.name(), SessionServiceReplica.Consumption.standard())) {
                replica.awaitReady(Duration.ofSeconds(120));
                context.say(String.format("dayend: sending %,d plans ...", people));
                PlanIntake.Outcome intake = PlanIntake.send(infra.bootstrapServers(), plans(people), database,
                        intakeLimit, replica::requireAlive);
                figures.add(Figure.of(name(), String.format(Locale.ROOT, "plans taken in over Kafka, %,d people%s",
                        people, intake.complete() ? "" : " (INCOMPLETE at " + intakeLimit.toMinutes() + " min)"),
                        intake.perSecond(), "plans/s"));
                context.say(String.format(Locale.ROOT, "dayend: %,d plans taken in in %.0f s", people,
                        intake.seconds()));
                if (!intake.complete()) {
                    context.say("dayend: not every plan was taken in; no day-end figure");
                    return figures;
                }

                Instant midnight = Instant.now().truncatedTo(ChronoUnit.MICROS);
                double updateSeconds = midnight(database, midnight);
                long began = System.nanoTime();
                long deadline = began + limit.toNanos();
                long due = people;
                while (due > 0 && System.nanoTime() < deadline) {
                    replica.requireAlive();
                    Thread.sleep(250);
                    due = due(database, midnight);
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                long done = people - due;
                boolean complete = due == 0;
                double perSecond = done / seconds;
                double value = complete ? seconds : (perSecond == 0 ? Double.POSITIVE_INFINITY : people / perSecond);
                context.say(String.format(Locale.ROOT, "dayend: %,d of %,d re-evaluated in %.1f s", done, people,
                        seconds));
                figures.add(Figure.of(name(), String.format(Locale.ROOT,
                                "%,d people, one zone, day ends at once -> all re-evaluated%s", people,
                                complete ? "" : String.format(Locale.ROOT, " (INCOMPLETE: %,d done in %.0f s; value"
                                        + " projected at that rate)", done, seconds)), value, "s")
                        .against("one UPDATE of the same rows", updateSeconds)
                        .target("<= 60 s", complete && seconds <= TARGET_SECONDS));
                figures.add(Figure.of(name(), "day-end re-evaluations per second", perSecond, "people/s"));
            }
        }
        return figures;
    }

    /** Daily evening stretches for everyone, all in {@link #ZONE}, started a week ago. */
    private static Map<String, String> plans(int people) {
        Instant now = Instant.now();
        LocalDate start = LocalDate.ofInstant(now, ZONE).minusDays(7);
        Map<String, String> plans = new LinkedHashMap<>();
        for (int i = 0; i < people; i++) {
            Person person = new Person(i, String.format("dayend-%06d", i), Persona.STEADY, ZONE, LocalTime.of(19, 0));
            plans.put(person.userId(), PlanEvents.eveningStretches(person, start, now.minus(Duration.ofDays(7))));
        }
        return plans;
    }

    /** Everyone's local day ends now: one UPDATE in one transaction; returns its seconds (the baseline). */
    private static double midnight(Database database, Instant at) throws Exception {
        try (Connection c = database.connect();
             PreparedStatement update = c.prepareStatement("UPDATE person SET next_check_at = ?")) {
            c.setAutoCommit(false);
            update.setTimestamp(1, Timestamp.from(at));
            long began = System.nanoTime();
            update.executeUpdate();
            c.commit();
            return (System.nanoTime() - began) / 1e9;
        }
    }

    private static long due(Database database, Instant midnight) throws Exception {
        try (Connection c = database.connect();
             PreparedStatement query = c.prepareStatement("SELECT count(*) FROM person WHERE next_check_at <= ?")) {
            query.setTimestamp(1, Timestamp.from(midnight));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
