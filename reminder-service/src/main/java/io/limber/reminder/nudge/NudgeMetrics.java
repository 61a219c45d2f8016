package io.limber.reminder.nudge;

import io.limber.reminder.rules.CareReview;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.Suppression;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's own meters, registered at start so dashboards see every series before the first nudge. No meter
 * is ever labelled by person.
 */
@ApplicationScoped
@Startup
public class NudgeMetrics {

    private final MeterRegistry registry;
    private final Timer safetyLatency;
    private final Timer schedulerLag;
    private final AtomicLong outboxLagMillis = new AtomicLong();
    private final AtomicLong outboxPending = new AtomicLong();

    /** The channel of record for session events: what it cannot answer is dead-lettered. */
    public static final String SESSION_EVENTS = "session-events";
    /** The safety lane: what it cannot answer the session-events channel still handles or dead-letters. */
    public static final String SAFETY_LANE = "safety-lane";
    /** A pain event refused as unreadable or against the contract (dead-lettered by the session-events channel). */
    public static final String REFUSED = "refused";
    /** A pain event whose handling failed on our side after its retries. */
    public static final String FAILED = "failed";

    public NudgeMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (NudgeKind kind : NudgeKind.values()) {
            published(kind.wire());
        }
        for (NudgeKind kind : NudgeKind.values()) {
            if (kind.isCapped()) {
                for (Suppression reason : Suppression.values()) {
                    suppressed(kind, reason).increment(0);
                }
            }
        }
        for (String topic : List.of("plans", "session-events", "adherence")) {
            for (String outcome : List.of("processed", "dead-lettered")) {
                consumed(topic, outcome).increment(0);
            }
        }
        for (String channel : List.of(SESSION_EVENTS, SAFETY_LANE)) {
            for (String reason : List.of(REFUSED, FAILED)) {
                painUnanswered(channel, reason).increment(0);
            }
        }
        for (String reason : List.of(CareReview.RED_FLAG, CareReview.REPEATED_PAIN_STOP, CareReview.NOT_SETTLED)) {
            careReviewRaised(reason);
        }
        safetyLatency = Timer.builder("limber.safety.nudge.latency")
                .description("From handling a pain-stop to its safety or emergency nudge acknowledged by Kafka")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(120))
                .maximumExpectedValue(Duration.ofSeconds(300))
                .register(registry);
        schedulerLag = Timer.builder("limber.scheduler.lag")
                .description("From the time a nudge was planned for to its being sent")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(12))
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("limber.outbox.oldest.age.seconds", outboxLagMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest outbox entry not yet published").register(registry);
        io.micrometer.core.instrument.Gauge.builder("limber.outbox.pending", outboxPending, AtomicLong::get)
                .description("Outbox entries not yet published").register(registry);
    }

    public void published(String kind) {
        published(kind, 0);
    }

    public void countPublished(String kind) {
        published(kind, 1);
    }

    public void countSuppressed(NudgeKind kind, Suppression reason) {
        suppressed(kind, reason).increment();
    }

    public void countConsumed(String topic, String outcome) {
        consumed(topic, outcome).increment();
    }

    private void published(String kind, double amount) {
        io.micrometer.core.instrument.Counter.builder("limber.nudges.published").tag("kind", kind)
                .description("Nudges Kafka acknowledged on the nudges topic, by kind").register(registry)
                .increment(amount);
    }

    private io.micrometer.core.instrument.Counter suppressed(NudgeKind kind, Suppression reason) {
        return io.micrometer.core.instrument.Counter.builder("limber.nudges.suppressed")
                .tag("kind", kind.wire()).tag("reason", reason.label())
                .description("Capped nudges not sent, by kind and reason (quiet hours, cap, safety pause, ...)")
                .register(registry);
    }

    private io.micrometer.core.instrument.Counter consumed(String topic, String outcome) {
        return io.micrometer.core.instrument.Counter.builder("limber.events.consumed")
                .tag("topic", topic).tag("outcome", outcome)
                .description("Consumed events by topic and outcome (processed, dead-lettered)").register(registry);
    }

    private io.micrometer.core.instrument.Counter careReviews(String reason) {
        return io.micrometer.core.instrument.Counter.builder("limber.care.reviews.raised").tag("reason", reason)
                .description("Care reviews requested, by reason").register(registry);
    }

    /** A pain-stop or pain report a channel could not answer: no safety message, pause or review came of it. */
    public void countPainUnanswered(String channel, String reason) {
        painUnanswered(channel, reason).increment();
    }

    private io.micrometer.core.instrument.Counter painUnanswered(String channel, String reason) {
        return io.micrometer.core.instrument.Counter.builder("limber.pain.events.unanswered")
                .description("Pain-stops and pain reports a channel could not answer (no safety message, pause or "
                        + "review came of them), by channel and reason; session-events ones are dead-lettered")
                .tag("channel", channel).tag("reason", reason)
                .register(registry);
    }

    public void careReviewRaised(String reason) {
        careReviews(reason).increment(0);
    }

    public void countCareReview(String reason) {
        careReviews(reason).increment();
    }

    public void safetyLatency(Duration latency) {
        safetyLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void schedulerLag(Duration lag) {
        schedulerLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void outbox(long pending, Duration oldestAge) {
        outboxPending.set(pending);
        outboxLagMillis.set(oldestAge.toMillis());
    }
}
