package io.limber.bench.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * One measured run of session-service replicas on a copy of the template database: from the first session event
 * stored until every event is stored, the outbox is drained (every person's final snapshot is on {@code adherence})
 * and the consumer group's lag is 0.
 */
final class IngestRun {

    /**
     * What a run measured.
     *
     * @param eventsPerSecond records of the topic taken per second
     * @param seconds         from the first stored event to the end
     * @param complete        whether everything was taken before the time limit (else the rate is of what was)
     * @param database        where the replicas stored it
     */
    record Result(double eventsPerSecond, double seconds, boolean complete, String database) {
    }

    private static final Duration LOOK_EVERY = Duration.ofMillis(200);

    private IngestRun() {
    }

    static Result run(IngestFixture fixture, int replicas, String name, Duration limit) {
        String database = fixture.copyOfTemplate(name);
        String group = name.replace('_', '-');
        List<SessionServiceReplica> started = new ArrayList<>();
        try (Admin admin = fixture.broker.admin()) {
            for (int i = 0; i < replicas; i++) {
                started.add(SessionServiceReplica.start(fixture.context.root(), fixture.log(name + "-" + (i + 1)),
                        fixture.broker.bootstrapServers(), fixture.postgres, database,
                        new SessionServiceReplica.Consumption(IngestFixture.EVENTS_TOPIC, group,
                                IngestFixture.PLANS_GROUP)));
            }
            long records = fixture.workload.events();
            long unique = fixture.workload.uniqueEvents();
            Progress progress = new Progress(records, () -> {
                started.forEach(SessionServiceReplica::requireAlive);
                long stored = fixture.count(database, "select count(*) from session_event");
                if (stored < unique) {
                    return stored * records / unique; // the stored share of the topic's records
                }
                boolean finished = fixture.count(database, "select count(*) from outbox") == 0
                        && committed(admin, group) >= records;
                return finished ? records : records - 1;
            });
            Progress.Outcome outcome = progress.await(limit, LOOK_EVERY);
            return new Result(outcome.perSecond(), outcome.seconds(), outcome.complete(), database);
        } finally {
            started.forEach(SessionServiceReplica::close);
        }
    }

    static long committed(Admin admin, String group) {
        try {
            Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            return 0;
        }
    }
}
