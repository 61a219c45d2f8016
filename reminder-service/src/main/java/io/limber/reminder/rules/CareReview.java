package io.limber.reminder.rules;

import java.time.Instant;
import java.util.List;

/** A request that a professional reviews the person's plan ({@code limber.care-review.requested}). */
public record CareReview(String id, String userId, String reason, boolean urgent, Instant requestedAt,
                         List<String> painEventIds) {

    public static final String RED_FLAG = "red-flag";
    public static final String REPEATED_PAIN_STOP = "repeated-pain-stop";
    public static final String NOT_SETTLED = "not-settled";

    public CareReview {
        painEventIds = List.copyOf(painEventIds);
    }
}
