package io.limber.routine.carereview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.routine.validation.ConcurrentChange;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code care-reviews}; a message it cannot use goes to {@code care-reviews.dlq} with the reason. */
@ApplicationScoped
public class CareReviewConsumer {

    private final ObjectMapper mapper;
    private final CareReviewService service;

    public CareReviewConsumer(ObjectMapper mapper, CareReviewService service) {
        this.mapper = mapper;
        this.service = service;
    }

    @Incoming("care-reviews")
    public Uni<Void> consume(String json) {
        CareReviewRequested event;
        try {
            event = mapper.readValue(json, CareReviewRequested.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("care review is not valid JSON: "
                    + e.getOriginalMessage()));
        }
        if (!CareReviewRequested.TYPE.equals(event.type()) || event.id() == null || event.source() == null
                || event.data() == null || event.data().userId() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "not a " + CareReviewRequested.TYPE + " event with id, source and data.userId"));
        }
        // reminder-service builds event ids from the user id, so the id is only logged at DEBUG
        Log.debugf("care review event %s received", event.id());
        // A plan changed through REST at the same moment wins the version; apply the review on top of it.
        return service.record(event)
                .onFailure(ConcurrentChange::causedBy).retry().withBackOff(Duration.ofMillis(50)).atMost(5)
                .replaceWithVoid();
    }
}
