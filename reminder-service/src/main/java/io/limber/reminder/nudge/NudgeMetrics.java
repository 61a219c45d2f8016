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

    public NudgeMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (NudgeKind kind : NudgeKind.values()) {
            published(kind.wire());
        }
        for (Suppression reason : Suppression.values()) {
            suppressed(reason);
        }
        for (String reason : List.of(CareReview.RED_FLAG, CareReview.REPEATED_PAIN_STOP, CareReview.NOT_SETTLED)) {
            careReviewRaised(reason);
        }
        safetyLatency = Timer.builder("limber.safety.latency")
                .description("From a pain-stop's arrival to its safety or emergency nudge acknowledged by Kafka")
                .publishPercentileHistogram()
                .register(registry);
        schedulerLag = Timer.builder("limber.scheduler.lag")
                .description("From the time a nudge was planned for to its being sent")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(12))
                .register(registry);
        registry.gauge("limber.outbox.lag.seconds", outboxLagMillis, v -> v.get() / 1000.0);
    }

    public void published(String kind) {
        registry.counter("limber.nudges.published", "kind", kind).increment(0);
    }

    public void countPublished(String kind) {
        registry.counter("limber.nudges.published", "kind", kind).increment();
    }

    public void suppressed(Suppression reason) {
        registry.counter("limber.nudges.suppressed", "reason", reason.label()).increment(0);
    }

    public void countSuppressed(Suppression reason) {
        registry.counter("limber.nudges.suppressed", "reason", reason.label()).increment();
    }

    public void careReviewRaised(String reason) {
        registry.counter("limber.care.reviews.raised", "reason", reason).increment(0);
    }

    public void countCareReview(String reason) {
        registry.counter("limber.care.reviews.raised", "reason", reason).increment();
    }

    public void safetyLatency(Duration latency) {
        safetyLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void schedulerLag(Duration lag) {
        schedulerLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void outboxLag(Duration lag) {
        outboxLagMillis.set(lag.toMillis());
    }
}
