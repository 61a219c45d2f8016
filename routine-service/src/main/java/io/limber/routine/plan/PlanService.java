package io.limber.routine.plan;

import io.limber.routine.catalogue.CatalogueService;
import io.limber.routine.validation.NotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The plan use cases; each change is one transaction that stores the new version and its outbox record. */
@ApplicationScoped
@Startup // registers its meters at start, so /q/metrics shows them before the first change
public class PlanService {

    private final CatalogueService catalogue;
    private final PlanStore store;
    private final Clock clock;
    private final PlanRequestValidator validator = new PlanRequestValidator();
    private final PlanLifecycle lifecycle = new PlanLifecycle();
    private final Map<ChangeKind, Counter> changes = new EnumMap<>(ChangeKind.class);

    public PlanService(CatalogueService catalogue, PlanStore store, Clock clock, MeterRegistry registry) {
        this.catalogue = catalogue;
        this.store = store;
        this.clock = clock;
        for (ChangeKind kind : ChangeKind.values()) {
            changes.put(kind, Counter.builder("limber.plan.changes").tag("kind", kind.wire())
                    .description("Plan versions committed, by kind of change").register(registry));
        }
    }

    /** Counts a committed change; called by every writer of plans after its transaction. */
    public void countChange(Plan plan) {
        changes.get(plan.change()).increment();
    }

    public Uni<Plan> createOrReplace(String userId, PlanRequest request) {
        return Panache.withTransaction(() -> catalogue.catalogue()
                        .map(c -> validator.validate(request, c))
                        .flatMap(terms -> store.current(userId)
                                .map(current -> lifecycle.createOrReplace(userId, current, terms, Instant.now(clock))))
                        .flatMap(store::save))
                .invoke(this::countChange);
    }

    public Uni<Plan> pause(String userId) {
        return change(userId, lifecycle::pause);
    }

    public Uni<Plan> resume(String userId) {
        return change(userId, lifecycle::resume);
    }

    public Uni<Plan> end(String userId) {
        return change(userId, lifecycle::end);
    }

    @WithSession
    public Uni<Plan> current(String userId) {
        return store.current(userId).map(plan -> plan.orElseThrow(() -> noPlan(userId)));
    }

    @WithSession
    public Uni<List<PlanData>> history(String userId) {
        return store.history(userId).map(history -> {
            if (history.isEmpty()) {
                throw noPlan(userId);
            }
            return history;
        });
    }

    private Uni<Plan> change(String userId, BiFunction<Plan, Instant, Plan> transition) {
        return Panache.withTransaction(() -> store.current(userId)
                        .map(current -> transition.apply(current.orElseThrow(() -> noPlan(userId)), Instant.now(clock)))
                        .flatMap(store::save))
                .invoke(this::countChange);
    }

    private static NotFoundException noPlan(String userId) {
        return new NotFoundException("userId", "this person has no plan");
    }
}
