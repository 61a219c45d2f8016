package io.limber.session.adherence.service;

import io.limber.session.adherence.CohortAdherence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/** The adherence meters: recomputations by trigger, sessions newly abandoned, and the cohort's gauges. */
@ApplicationScoped
@Startup // registers its meters at start, so /q/metrics shows them before the first event
public class AdherenceMetrics {

    /** What made a person's adherence be recomputed. */
    public enum Trigger {
        EVENT("event"), PLAN("plan"), DAY_END("day-end");

        final String tag;

        Trigger(String tag) {
            this.tag = tag;
        }
    }

    private final Map<Trigger, Counter> recomputations;
    private final Counter abandoned;
    private final Counter fromTheStart;
    private final AtomicReference<CohortAdherence> cohort = new AtomicReference<>(CohortAdherence.of(0, List.of()));

    public AdherenceMetrics(MeterRegistry registry) {
        this.recomputations = Map.of(
                Trigger.EVENT, recomputations(registry, Trigger.EVENT),
                Trigger.PLAN, recomputations(registry, Trigger.PLAN),
                Trigger.DAY_END, recomputations(registry, Trigger.DAY_END));
        this.abandoned = Counter.builder("limber.session.sessions").tag("outcome", "abandoned")
                .description("Sessions completed or abandoned").register(registry);
        this.fromTheStart = Counter.builder("limber.adherence.recomputations.from.start")
                .description("Recomputations that read the whole history: no checkpoint yet, or something arrived "
                        + "that reaches back into the checkpoint's days (an event over 4 weeks late, an older plan)")
                .register(registry);
        cohortPeople(registry, "adherent", c -> c.get().adherent());
        cohortPeople(registry, "not-adherent", c -> c.get().notAdherent());
        cohortPeople(registry, "unknown", c -> c.get().unknown());
        for (int p : List.of(10, 25, 50, 75, 90)) {
            Gauge.builder("limber.cohort.session.adherence28", cohort, c -> percentile(c.get(), p))
                    .tag("percentile", String.valueOf(p))
                    .description("28-day session adherence of the people with a denominator, at this percentile")
                    .register(registry);
        }
    }

    void recomputed(Trigger trigger, int people) {
        recomputations.get(trigger).increment(people);
    }

    void fromTheStart(int people) {
        fromTheStart.increment(people);
    }

    void abandoned(int sessions) {
        if (sessions > 0) {
            abandoned.increment(sessions);
        }
    }

    void cohort(CohortAdherence value) {
        cohort.set(value);
    }

    private static Counter recomputations(MeterRegistry registry, Trigger trigger) {
        return Counter.builder("limber.adherence.recomputations").tag("trigger", trigger.tag)
                .description("Adherence recomputations, by what triggered them").register(registry);
    }

    private void cohortPeople(MeterRegistry registry, String state,
                              ToDoubleFunction<AtomicReference<CohortAdherence>> count) {
        Gauge.builder("limber.cohort.people", cohort, count).tag("state", state)
                .description("People by 28-day adherence: adherent (>= 80 %), not-adherent, unknown (no denominator)")
                .register(registry);
    }

    private static double percentile(CohortAdherence c, int percentile) {
        Double v = switch (percentile) {
            case 10 -> c.p10();
            case 25 -> c.p25();
            case 50 -> c.median();
            case 75 -> c.p75();
            default -> c.p90();
        };
        return v == null ? Double.NaN : v;
    }
}
