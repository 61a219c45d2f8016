package io.limber.session.event;

import io.limber.session.contract.EventSchemas;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Session-event meters; never labelled by user. Registered at start so /q/metrics shows them at once. */
@ApplicationScoped
@Startup
public class SessionEventMetrics {

    /** What became of a consumed event. */
    public enum Outcome { OK, DUPLICATE, DEAD_LETTERED }

    private final MeterRegistry registry;
    private final Timer eventToState;

    public SessionEventMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.eventToState = Timer.builder("limber.session.event.to.state")
                .description("From an event's time to its effect on the stored adherence")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        for (String type : EventSchemas.CLIENT_TYPES) {
            accepted(type);
            for (Outcome outcome : Outcome.values()) {
                consumed(type, outcome);
            }
        }
        consumed("unknown", Outcome.DEAD_LETTERED);
        sessions("completed");
    }

    public void record(String type, Outcome outcome) {
        consumed(type, outcome).increment();
        if (outcome == Outcome.OK) {
            accepted(type).increment();
        }
    }

    public void stateUpdated(Instant eventTime, Instant now) {
        Duration latency = Duration.between(eventTime, now);
        eventToState.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void painStop(String exerciseId, boolean sharp) {
        Counter.builder("limber.session.pain.stops").description("Sessions stopped because of pain")
                .tag("exercise", exerciseId).tag("sharp", String.valueOf(sharp)).register(registry).increment();
    }

    public void sessionCompleted() {
        sessions("completed").increment();
    }

    private Counter sessions(String outcome) {
        return Counter.builder("limber.session.sessions").description("Sessions completed or abandoned")
                .tag("outcome", outcome).register(registry);
    }

    private Counter accepted(String type) {
        return Counter.builder("limber.session.events.accepted")
                .description("Session events accepted (duplicates not counted)")
                .tag("type", type).register(registry);
    }

    private Counter consumed(String type, Outcome outcome) {
        return Counter.builder("limber.session.events.consumed")
                .description("Session events consumed, by type and outcome (ok, duplicate, dead-lettered)")
                .tag("type", EventSchemas.CLIENT_TYPES.contains(type) ? type : "unknown")
                .tag("outcome", outcome.name().toLowerCase().replace('_', '-'))
                .register(registry);
    }
}
