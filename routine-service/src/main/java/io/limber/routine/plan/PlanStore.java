package io.limber.routine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.routine.outbox.KafkaRecordSender;
import io.limber.routine.outbox.OutboxEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes plans inside the caller's transaction. Saving a version also writes its
 * {@code limber.plan.published} event to the outbox, so the change and its announcement commit together.
 */
@ApplicationScoped
public class PlanStore {

    private final ObjectMapper mapper;
    private final CloudEventEnvelope envelope;

    public PlanStore(ObjectMapper mapper) {
        this.mapper = mapper;
        this.envelope = new CloudEventEnvelope(mapper);
    }

    public Uni<Optional<Plan>> current(String userId) {
        return CurrentPlan.<CurrentPlan>findById(userId)
                .map(row -> Optional.ofNullable(row).map(r -> PlanMapper.fromData(read(r.snapshot))));
    }

    public Uni<List<PlanData>> history(String userId) {
        return PlanHistoryEntry.<PlanHistoryEntry>list("userId = ?1 order by version", userId)
                .map(rows -> rows.stream().map(r -> read(r.snapshot)).toList());
    }

    public Uni<Plan> save(Plan plan) {
        PlanData data = PlanMapper.toData(plan);
        String snapshot = write(data);
        String eventId = UUID.randomUUID().toString();
        String event = envelope.write(PlanPublished.of(eventId, data)); // the SDK, as every producer writes

        PlanHistoryEntry history = new PlanHistoryEntry();
        history.userId = plan.userId();
        history.version = plan.version();
        history.changeKind = plan.change().wire();
        history.snapshot = snapshot;
        history.changedAt = plan.changedAt();

        return CurrentPlan.<CurrentPlan>findById(plan.userId())
                .flatMap(existing -> {
                    CurrentPlan current = existing == null ? new CurrentPlan() : existing;
                    current.userId = plan.userId();
                    current.version = plan.version();
                    current.status = plan.status().wire();
                    current.snapshot = snapshot;
                    current.changedAt = plan.changedAt();
                    return existing == null ? current.persist() : Uni.createFrom().item(current);
                })
                .flatMap(ignored -> history.persist())
                .flatMap(ignored -> OutboxEntry.of(KafkaRecordSender.TOPIC, plan.userId(), eventId, event,
                        plan.changedAt()).persist())
                // flushing here turns a concurrent change of the same version into an error inside this call
                .flatMap(ignored -> Panache.flush())
                .replaceWith(plan);
    }

    private PlanData read(String json) {
        try {
            return mapper.readValue(json, PlanData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
