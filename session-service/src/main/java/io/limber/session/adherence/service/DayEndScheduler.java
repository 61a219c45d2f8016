package io.limber.session.adherence.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-evaluates adherence when a planned local day ends without an event, so a person who stops sending anything
 * is seen lapsing: every tick it drains everyone due, a batch per transaction, in parallel drains; then refreshes
 * the cohort gauges.
 */
@ApplicationScoped
public class DayEndScheduler {

    static final int BATCH = 500;

    private final AdherenceChanges changes;
    private final AdherenceQueries queries;
    private final Clock clock;
    private final int parallelism;
    private volatile boolean stopping;

    public DayEndScheduler(AdherenceChanges changes, AdherenceQueries queries, Clock clock,
                           @ConfigProperty(name = "limber.adherence.day-end-parallelism") int parallelism) {
        this.changes = changes;
        this.queries = queries;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true; // a drain in progress ends after its batch: the pool closes before the consumers drained
    }

    @Scheduled(every = "${limber.adherence.day-end-check:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not while stopping: the pool closes before the Kafka consumers have drained (a WARN per tick)
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> reevaluate() {
        Instant now = clock.instant();
        // several drains at once, each its own transaction per batch: SKIP LOCKED hands them different people
        List<Uni<Integer>> drains = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            drains.add(drain(now, 0));
        }
        return Uni.join().all(drains).andFailFast().map(done -> done.stream().mapToInt(Integer::intValue).sum())
                .invoke(n -> {
                    if (n > 0) {
                        Log.debugf("re-evaluated adherence of %d people at day end", n);
                    }
                })
                .flatMap(n -> stopping ? Uni.createFrom().nullItem() : queries.cohort())
                .onFailure().invoke(e -> {
                    if (!stopping) {
                        Log.warnf("day-end re-evaluation failed, will retry: %s", e.getMessage());
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Everyone due at {@code now}, a batch at a time, until a batch comes back short or the service stops. */
    private Uni<Integer> drain(Instant now, int done) {
        if (stopping) {
            return Uni.createFrom().item(done);
        }
        return changes.reevaluateDue(now, BATCH)
                .flatMap(n -> n < BATCH ? Uni.createFrom().item(done + n) : drain(now, done + n));
    }
}
