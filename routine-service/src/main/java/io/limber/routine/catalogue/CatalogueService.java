package io.limber.routine.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.routine.validation.InvalidInputException;
import io.limber.routine.validation.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The catalogue's use cases: read it, add a routine (a new version when the id exists), seed the built-ins. */
@ApplicationScoped
public class CatalogueService {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final RoutineValidator validator = new RoutineValidator();

    public CatalogueService(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The whole catalogue, every version; callers inside a transaction share it. */
    @WithSession
    public Uni<Catalogue> catalogue() {
        return RoutineVersion.<RoutineVersion>listAll().map(rows -> new Catalogue(rows.stream().map(this::toRoutine).toList()));
    }

    /** Validates and stores the routine as version 1, or as the next version of an existing routine id. */
    @WithTransaction
    public Uni<Routine> add(RoutineDefinition definition) {
        List<Violation> violations = validator.check(definition);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException(violations));
        }
        return store(definition, false);
    }

    /** Stores each built-in routine whose content differs from its newest stored version; plans keep older versions. */
    @WithTransaction
    public Uni<List<Routine>> seed(List<RoutineDefinition> builtIns) {
        for (RoutineDefinition builtIn : builtIns) {
            List<Violation> violations = validator.check(builtIn);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("built-in routine " + builtIn.routineId() + " is invalid: " + violations);
            }
        }
        return catalogue().flatMap(catalogue -> {
            Uni<List<Routine>> chain = Uni.createFrom().item(List.of());
            for (RoutineDefinition builtIn : builtIns) {
                boolean unchanged = catalogue.latest(builtIn.routineId())
                        .map(latest -> latest.definition().equals(builtIn))
                        .orElse(false);
                if (!unchanged) {
                    chain = chain.flatMap(stored -> store(builtIn, true).map(r -> {
                        Log.infof("built-in routine %s stored as version %d", r.routineId(), r.version());
                        return concat(stored, r);
                    }));
                }
            }
            return chain;
        });
    }

    private Uni<Routine> store(RoutineDefinition definition, boolean builtIn) {
        return RoutineVersion.latest(definition.routineId())
                .flatMap(latest -> {
                    RoutineVersion row = new RoutineVersion();
                    row.routineId = definition.routineId();
                    row.version = latest == null ? 1 : latest.version + 1;
                    row.builtIn = builtIn;
                    row.definition = write(definition);
                    row.createdAt = Instant.now(clock);
                    return row.<RoutineVersion>persist().map(this::toRoutine);
                });
    }

    private Routine toRoutine(RoutineVersion row) {
        try {
            return Routine.of(mapper.readValue(row.definition, RoutineDefinition.class), row.version, row.builtIn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored routine " + row.routineId + " v" + row.version + " is unreadable", e);
        }
    }

    private String write(RoutineDefinition definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Routine> concat(List<Routine> list, Routine routine) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(routine)).toList();
    }
}
