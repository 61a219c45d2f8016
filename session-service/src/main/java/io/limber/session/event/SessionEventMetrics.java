package io.limber.session.event;

import io.limber.session.contract.EventSchemas;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Session-event meters; never labelled by user. Registered at start so /q/metrics shows them at once. */
@ApplicationScoped
@Startup
public class SessionEventMetrics {

    /** What became of a consumed event. */
    public enum Outcome { OK, DUPLICATE, DEAD_LETTERED }

    /** The red flags session-pain-stopped.schema.json allows; the schema bounds the label's values. */
    static final List<String> RED_FLAGS = List.of("saddle-numbness", "bladder-bowel-change", "leg-weakness-worsening");

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
        for (Outcome outcome : Outcome.values()) {
            eventsConsumed(outcome);
        }
        for (String flag : RED_FLAGS) {
            redFlags(flag);
        }
        sessions("completed");
    }

    public void record(String type, Outcome outcome) {
        consumed(type, outcome).increment();
        eventsConsumed(outcome).increment();
        if (outcome == Outcome.OK) {
            accepted(type).increment();
        }
    }

    public void stateUpdated(Instant eventTime, Instant now) {
        Duration latency = Duration.between(eventTime, now);
        eventToState.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void painStop(String exerciseId, boolean sharp, Set<String> flags) {
        Counter.builder("limber.session.pain.stops").description("Sessions stopped because of pain")
                .tag("exercise", exerciseId).tag("sharp", String.valueOf(sharp)).register(registry).increment();
        flags.stream().filter(RED_FLAGS::contains).forEach(flag -> redFlags(flag).increment());
    }

    public void sessionCompleted() {
        sessions("completed").increment();
    }

    private Counter redFlags(String flag) {
        return Counter.builder("limber.red.flags").description("Red flags reported with a pain-stop")
                .tag("flag", flag).register(registry);
    }

    /** The same outcomes under the name and labels every Limber service uses for its consumers. */
    private Counter eventsConsumed(Outcome outcome) {
        return Counter.builder("limber.events.consumed")
                .description("Consumed events by topic and outcome (processed, duplicate, dead-lettered)")
                .tag("topic", "session-events")
                .tag("outcome", outcome == Outcome.OK ? "processed" : outcome.name().toLowerCase().replace('_', '-'))
                .register(registry);
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
