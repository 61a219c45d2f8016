package io.limber.routine.plan;

import io.limber.routine.validation.ConflictException;
import java.time.Instant;
import java.util.Optional;

/**
 * How a plan moves: create or replace (active), pause (only when active), resume (only when paused), end (unless
 * ended). Every change is a new version; a pending review survives a replacement.
 */
public final class PlanLifecycle {

    public Plan createOrReplace(String userId, Optional<Plan> current, PlanTerms terms, Instant now) {
        return current
                .map(plan -> plan.next(ChangeKind.REPLACED, PlanStatus.ACTIVE, plan.reviewRequested(), terms, now))
                .orElseGet(() -> new Plan(userId, 1, PlanStatus.ACTIVE, false, terms, ChangeKind.CREATED, now));
    }

    public Plan pause(Plan current, Instant now) {
        if (current.status() != PlanStatus.ACTIVE) {
            throw new ConflictException("status", "only an active plan can be paused; this one is " + current.status().wire());
        }
        return current.next(ChangeKind.PAUSED, PlanStatus.PAUSED, current.reviewRequested(), current.terms(), now);
    }

    public Plan resume(Plan current, Instant now) {
        if (current.status() != PlanStatus.PAUSED) {
            throw new ConflictException("status", "only a paused plan can be resumed; this one is " + current.status().wire());
        }
        return current.next(ChangeKind.RESUMED, PlanStatus.ACTIVE, current.reviewRequested(), current.terms(), now);
    }

    public Plan end(Plan current, Instant now) {
        if (current.status() == PlanStatus.ENDED) {
            throw new ConflictException("status", "the plan has already ended");
        }
        return current.next(ChangeKind.ENDED, PlanStatus.ENDED, current.reviewRequested(), current.terms(), now);
    }
}
