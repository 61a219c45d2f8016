package io.limber.session.adherence.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.session.adherence.Activity;
import io.limber.session.adherence.Adherence;
import io.limber.session.adherence.AdherenceCalculator;
import io.limber.session.adherence.AdherenceCheckpoint;
import io.limber.session.adherence.CheckpointChain;
import io.limber.session.adherence.PlanVersion;
import io.limber.session.adherence.repository.PersonRepository.PersonRow;
import io.limber.session.adherence.repository.PersonRepository.PersonUpdate;
import io.limber.session.contract.AdherenceUpdated;
import io.limber.session.outbox.OutboxRepository;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One person's recompute, from their checkpoint: the figures, the next checkpoint, when to look again, and when the
 * snapshot changed, the {@code limber.adherence.updated} to publish. Stores nothing: the write path does.
 */
final class Recomputation {

    public static final String TOPIC = "adherence";

    /** What the recompute changes: the person's row, and the message to publish when the snapshot changed. */
    record Result(PersonUpdate person, Optional<OutboxRepository.Message> message, int newlyAbandoned) {
    }

    // its own mapper: null figures (nothing due yet) are part of the contract, and the application's mapper drops nulls
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();
    private static final CloudEventEnvelope ENVELOPE = new CloudEventEnvelope(MAPPER);

    private Recomputation() {
    }

    /**
     * Recomputes {@code person} as of {@code now} from the newest of {@code kept} (their checkpoints up to the newest
     * nothing that arrived reaches into; empty: from the plan's start) over {@code activities}, which hold at least
     * what {@link AdherenceCalculator#calculate} needs for that checkpoint.
     */
    static Result of(PersonRow person, List<PlanVersion> plans, Collection<Activity> activities,
                     List<AdherenceCheckpoint> kept, Instant now) {
        CheckpointChain.Result chained = CheckpointChain.calculate(plans, activities, now, kept);
        AdherenceCalculator.Calculation calculation = chained.calculation();
        Instant nextCheckAt = calculation.nextReevaluation();
        AdherenceUpdated.Data data = AdherenceUpdated.Data.of(person.userId(), calculation.adherence());
        String snapshot = write(data);
        if (snapshot.equals(person.snapshot())) {
            return new Result(new PersonUpdate(person.userId(), nextCheckAt, now, chained.chain(), null,
                    person.snapshotSeq(), null, null, person.abandoned28()), Optional.empty(), 0);
        }
        int abandoned28 = data.routines().stream().mapToInt(Adherence.RoutineAdherence::abandoned28).sum();
        long seq = person.snapshotSeq() + 1;
        String event = ENVELOPE.write(AdherenceUpdated.of(data, seq, now)); // the SDK, as every producer writes
        return new Result(new PersonUpdate(person.userId(), nextCheckAt, now, chained.chain(), snapshot, seq,
                data.sessionAdherence28(), data.adherent(), abandoned28),
                Optional.of(new OutboxRepository.Message(TOPIC, person.userId(), event)),
                Math.max(0, abandoned28 - person.abandoned28()));
    }

    static AdherenceUpdated.Data read(String snapshot) {
        try {
            return MAPPER.readValue(snapshot, AdherenceUpdated.Data.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
