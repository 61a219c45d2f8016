package io.limber.routine.carereview;

import io.limber.routine.plan.ChangeKind;
import io.limber.routine.plan.Plan;
import io.limber.routine.plan.PlanStatus;
import io.limber.routine.validation.ConflictException;
import java.time.Instant;
import java.util.Optional;

/**
 * What a care review does to a plan. A request flags the plan for review and, when urgent (a red flag), pauses an
 * active plan; closing the last open review clears the flag and may resume the plan, unless an urgent review is
 * still open. A change the plan already shows makes no new version, so repeats change nothing.
 */
public final class CareReviewRule {

    /** The open reviews of a person other than the one being closed. */
    public record OtherOpenReviews(int count, boolean anyUrgent) {
    }

    public Optional<Plan> onRequested(Plan current, boolean urgent, Instant now) {
        if (current.status() == PlanStatus.ENDED) {
            return Optional.empty();
        }
        boolean pause = urgent && current.status() == PlanStatus.ACTIVE;
        if (current.reviewRequested() && !pause) {
            return Optional.empty();
        }
        return Optional.of(current.next(ChangeKind.REVIEW_REQUESTED, pause ? PlanStatus.PAUSED : current.status(),
                true, current.terms(), now));
    }

    public Optional<Plan> onClosed(Plan current, OtherOpenReviews others, boolean resume, Instant now) {
        boolean resumeNow = resume && current.status() == PlanStatus.PAUSED;
        if (resumeNow && others.anyUrgent()) {
            throw new ConflictException("resumePlan", "another urgent review of this person is still open");
        }
        boolean stillFlagged = others.count() > 0;
        if (!resumeNow && stillFlagged == current.reviewRequested()) {
            return Optional.empty();
        }
        return Optional.of(current.next(ChangeKind.REVIEW_CLOSED, resumeNow ? PlanStatus.ACTIVE : current.status(),
                stillFlagged, current.terms(), now));
    }
}
