package io.limber.routine.carereview;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Records care-review requests, once per event however often Kafka delivers it. */
@ApplicationScoped
@Startup // registers its meter at start, so /q/metrics shows it before the first review
public class CareReviewService {

    private final Clock clock;
    private final Counter received;

    public CareReviewService(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.received = Counter.builder("limber.care.reviews.received")
                .description("Care review requests recorded (duplicates not counted)")
                .register(registry);
    }

    /** Stores the request unless this (source, id) was stored before; true when it was new. */
    @WithTransaction
    public Uni<Boolean> record(CareReviewRequested event) {
        return CareReview.count("eventSource = ?1 and eventId = ?2", event.source(), event.id())
                .flatMap(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().item(false);
                    }
                    CareReview review = new CareReview();
                    review.eventSource = event.source();
                    review.eventId = event.id();
                    review.userId = event.data().userId();
                    review.reason = event.data().reason() == null ? "unspecified" : event.data().reason();
                    review.urgent = event.data().urgent();
                    review.requestedAt = event.data().requestedAt() == null ? Instant.now(clock) : event.data().requestedAt();
                    review.receivedAt = Instant.now(clock);
                    return review.persist().invoke(() -> received.increment()).replaceWith(true);
                });
    }

    @WithTransaction
    public Uni<List<CareReview>> forUser(String userId) {
        return CareReview.list("userId = ?1 order by requestedAt", userId);
    }
}
