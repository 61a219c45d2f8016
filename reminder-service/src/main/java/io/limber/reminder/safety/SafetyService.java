package io.limber.reminder.safety;

import io.limber.reminder.nudge.Nudge;
import io.limber.reminder.nudge.NudgePublisher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.PainSafetyRule;
import io.limber.reminder.rules.PainStop;
import io.limber.reminder.rules.QuietHours;
import java.time.ZoneOffset;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** Applies {@link PainSafetyRule}: stores the safety nudge once, then publishes it. */
@ApplicationScoped
@Startup // registers its meter at start, so /q/metrics shows it before the first nudge
public class SafetyService {

    private final PainSafetyRule rule = new PainSafetyRule();
    private final NudgePublisher publisher;
    private final Clock clock;

    public SafetyService(NudgePublisher publisher, Clock clock, MeterRegistry registry) {
        this.publisher = publisher;
        this.clock = clock;
        registry.counter("limber.nudges.published", "kind", "safety");
    }

    public Uni<Void> onPainStop(PainStop stop) {
        return rule.onPainStop(stop, List.of(), ZoneOffset.UTC, QuietHours.DEFAULT, Instant.now(clock)).nudges().stream()
                .filter(n -> n.kind().priority().equals("high")).findFirst().map(message -> Panache.withTransaction(() -> Nudge.<Nudge>findById(message.id())
                        .flatMap(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().<Nudge>nullItem();
                            }
                            Nudge nudge = new Nudge();
                            nudge.id = message.id();
                            nudge.userId = stop.userId();
                            nudge.kind = message.kind().wire();
                            nudge.title = message.title();
                            nudge.body = message.body();
                            nudge.priority = "high";
                            nudge.createdAt = Instant.now(clock);
                            return nudge.<Nudge>persist();
                        }))
                .flatMap(created -> created == null ? Uni.createFrom().voidItem() : publisher.publish(created)))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }
}
