package io.limber.routine.carereview;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The {@code limber.care-review.requested} CloudEvent that reminder-service publishes on {@code care-reviews}
 * (structured mode), reduced to what routine-service keeps.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CareReviewRequested(String specversion, String id, String source, String type, Data data) {

    public static final String TYPE = "limber.care-review.requested";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(String userId, String reason, boolean urgent, Instant requestedAt) {
    }
}
