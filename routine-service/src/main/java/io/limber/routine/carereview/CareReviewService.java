package io.limber.routine.carereview;

import io.limber.routine.plan.Plan;
import io.limber.routine.plan.PlanService;
import io.limber.routine.plan.PlanStore;
import io.limber.routine.validation.ConflictException;
import io.limber.routine.validation.NotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records care-review requests once per event however often Kafka delivers it, flags (and, when urgent, pauses)
 * the plan in the same transaction, and lets a professional close a review.
 */
@ApplicationScoped
@Startup // registers its meter at start, so /q/metrics shows it before the first review
public class CareReviewService {

    private final Clock clock;
    private final PlanStore plans;
    private final PlanService planService;
    private final CareReviewRule rule = new CareReviewRule();
    private final Counter received;

    public CareReviewService(Clock clock, PlanStore plans, PlanService planService, MeterRegistry registry) {
        this.clock = clock;
        this.plans = plans;
        this.planService = planService;
        this.received = Counter.builder("limber.care.reviews.received")
                .description("Care review requests recorded (duplicates not counted)")
                .register(registry);
    }

    /** Stores the request unless this (source, id) was stored before, and applies it to the plan; true when new. */
    public Uni<Boolean> record(CareReviewRequested event) {
        Instant now = Instant.now(clock);
        return Panache.withTransaction(() -> CareReview.count("eventSource = ?1 and eventId = ?2", event.source(), event.id())
                .flatMap(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().item(Optional.<Optional<Plan>>empty());
                    }
                    CareReview review = new CareReview();
                    review.eventSource = event.source();
                    review.eventId = event.id();
                    review.userId = event.data().userId();
                    review.reason = event.data().reason() == null ? "unspecified" : event.data().reason();
                    review.urgent = event.data().urgent();
                    review.requestedAt = event.data().requestedAt() == null ? now : event.data().requestedAt();
                    review.receivedAt = now;
                    return review.persist()
                            .flatMap(ignored -> plans.current(review.userId))
                            .map(current -> current.flatMap(plan -> rule.onRequested(plan, review.urgent, now)))
                            .flatMap(next -> next.isPresent() ? plans.save(next.get()).map(Optional::of)
                                    : Uni.createFrom().item(Optional.<Plan>empty()))
                            .map(Optional::of);
                }))
                .invoke(outcome -> outcome.ifPresent(newPlan -> {
                    received.increment();
                    newPlan.ifPresent(planService::countChange);
                }))
                .map(Optional::isPresent);
    }

    /** Closes an open review; clears the plan's flag when it was the last one, and resumes the plan if asked. */
    public Uni<CareReview> close(long reviewId, String resolution, boolean resumePlan) {
        Instant now = Instant.now(clock);
        return Panache.withTransaction(() -> CareReview.<CareReview>findById(reviewId).flatMap(review -> {
                    if (review == null) {
                        throw new NotFoundException("reviewId", "no care review " + reviewId);
                    }
                    if (!CareReview.OPEN.equals(review.status)) {
                        throw new ConflictException("status", "care review " + reviewId + " is already closed");
                    }
                    return CareReview.<CareReview>list("userId = ?1 and status = ?2 and id <> ?3", review.userId,
                                    CareReview.OPEN, review.id)
                            .map(others -> new CareReviewRule.OtherOpenReviews(others.size(),
                                    others.stream().anyMatch(o -> o.urgent)))
                            .flatMap(others -> plans.current(review.userId)
                                    .map(current -> current.flatMap(plan -> rule.onClosed(plan, others, resumePlan, now))))
                            .flatMap(next -> {
                                review.status = CareReview.CLOSED;
                                review.closedAt = now;
                                review.resolution = resolution;
                                return next.isPresent() ? plans.save(next.get()).map(Optional::of)
                                        : Uni.createFrom().item(Optional.<Plan>empty());
                            })
                            .map(next -> new Closed(review, next));
                }))
                .invoke(closed -> closed.plan().ifPresent(planService::countChange))
                .map(Closed::review);
    }

    private record Closed(CareReview review, Optional<Plan> plan) {
    }

    @WithSession
    public Uni<List<CareReview>> forUser(String userId) {
        return CareReview.list("userId = ?1 order by requestedAt", userId);
    }

    @WithSession
    public Uni<List<CareReview>> open() {
        return CareReview.list("status = ?1 order by urgent desc, requestedAt", CareReview.OPEN);
    }
}
