package io.limber.bench.ingest;

import io.limber.bench.BenchContext;
import io.limber.bench.Benchmark;
import io.limber.bench.Figure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scale-out: 1, 2 and 3 session-service replicas in one consumer group on the 12-partition topic, each run on its
 * own copy of the database; every person's stored adherence snapshot must be identical to the single-replica run's.
 */
public final class ScaleoutBenchmark implements Benchmark {

    @Override
    public String name() {
        return "scaleout";
    }

    @Override
    public String description() {
        return "session-service events/s with 1, 2 and 3 replicas in one group; adherence identical to 1 replica";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        IngestFixture fixture = IngestFixture.shared(context, true);
        List<Figure> figures = new ArrayList<>();
        IngestRun.Result single = null;
        Map<String, String> reference = null;
        boolean allIdentical = true;
        boolean allComplete = true;
        int differing = 0;
        for (int replicas = 1; replicas <= 3; replicas++) {
            context.say("session-service, " + replicas + " replica(s) ...");
            IngestRun.Result result = IngestRun.run(fixture, replicas, "bench_scaleout_" + replicas,
                    IngestBenchmark.limit(context));
            context.say(String.format(Locale.ROOT, "%d replica(s): %,.0f events/s in %.1f s%s", replicas,
                    result.eventsPerSecond(), result.seconds(), IngestBenchmark.complete(result)));
            Map<String, String> snapshots = snapshots(fixture, result.database());
            allComplete &= result.complete();
            Figure row = Figure.of(name(), "session-service, " + replicas + " replica(s)"
                    + IngestBenchmark.complete(result), result.eventsPerSecond(), "events/s");
            if (single == null) {
                single = result;
                reference = snapshots;
            } else {
                row = row.against("1 replica", single.eventsPerSecond());
                int diff = differences(reference, snapshots);
                differing = Math.max(differing, diff);
                allIdentical &= diff == 0;
            }
            figures.add(row);
        }
        String verdict = !allComplete ? "not compared (a run was incomplete)" : allIdentical ? "yes" : "no";
        figures.add(Figure.of(name(), "adherence identical to 1 replica: " + verdict, differing, "people differ")
                .target("0 differ", allComplete && allIdentical));
        return figures;
    }

    private static int differences(Map<String, String> reference, Map<String, String> other) {
        int differing = 0;
        for (String user : reference.keySet()) {
            if (!Objects.equals(reference.get(user), other.get(user))) {
                differing++;
            }
        }
        return differing + (int) other.keySet().stream().filter(u -> !reference.containsKey(u)).count();
    }

    private static Map<String, String> snapshots(IngestFixture fixture, String database) throws SQLException {
        Map<String, String> snapshots = new TreeMap<>();
        try (Connection c = fixture.postgres.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select user_id, snapshot from person")) {
            while (rs.next()) {
                snapshots.put(rs.getString(1), rs.getString(2));
            }
        }
        return snapshots;
    }
}
