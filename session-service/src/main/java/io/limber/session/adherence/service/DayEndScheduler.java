package io.limber.session.adherence.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Re-evaluates adherence when a planned local day ends without an event, so a person who stops sending anything
 * is seen lapsing; also refreshes the cohort gauges.
 */
@ApplicationScoped
public class DayEndScheduler {

    static final int BATCH = 200;

    private final AdherenceService service;
    private final Clock clock;

    public DayEndScheduler(AdherenceService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(every = "${limber.adherence.day-end-check:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not while stopping: the pool closes before the Kafka consumers have drained (a WARN per tick)
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> reevaluate() {
        return service.reevaluateDue(clock.instant(), BATCH)
                .invoke(n -> {
                    if (n > 0) {
                        Log.debugf("re-evaluated adherence of %d people at day end", n);
                    }
                })
                .flatMap(n -> service.cohort())
                .onFailure().invoke(e -> Log.warnf("day-end re-evaluation failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
