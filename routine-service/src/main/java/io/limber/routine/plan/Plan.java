package io.limber.routine.plan;

import java.time.Instant;

/** One version of a person's plan: the terms, the status and whether a professional's review is pending. */
public record Plan(String userId, int version, PlanStatus status, boolean reviewRequested, PlanTerms terms,
                   ChangeKind change, Instant changedAt) {

    /** The next version of this plan after a change. */
    public Plan next(ChangeKind kind, PlanStatus newStatus, boolean newReviewRequested, PlanTerms newTerms, Instant now) {
        return new Plan(userId, version + 1, newStatus, newReviewRequested, newTerms, kind, now);
    }
}
