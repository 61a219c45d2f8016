package io.limber.reminder.nudge;

import io.limber.reminder.rules.CareReview;
import java.time.Instant;
import java.util.List;

/** The {@code limber.care-review.requested} CloudEvent on {@code care-reviews}; routine-service consumes it. */
public record CareReviewMessage(String specversion, String id, String source, String type, Instant time,
                                String datacontenttype, String dataschema, Data data) {

    public static final String TYPE = "limber.care-review.requested";
    public static final String SCHEMA = "urn:limber:schema:care-review-requested:1";

    public record Data(String userId, String reason, boolean urgent, Instant requestedAt, List<String> painEventIds) {
    }

    public static CareReviewMessage of(CareReview review) {
        return new CareReviewMessage("1.0", review.id(), NudgeMessage.SOURCE, TYPE, review.requestedAt(),
                "application/json", SCHEMA, new Data(review.userId(), review.reason(), review.urgent(),
                        review.requestedAt(), review.painEventIds()));
    }
}
