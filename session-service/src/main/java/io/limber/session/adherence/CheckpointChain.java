package io.limber.session.adherence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A person's checkpoints, oldest first, so that an event older than the newest rolls the calculation back only to the
 * last checkpoint before it: links at least {@value #SPACING_DAYS} days apart, then the newest (28 days before the
 * last calculation's today). A history uploaded in time order thus reads about two months per calculation, not all
 * of it; beyond the oldest of the {@value #MAX_LINKS} links, the calculation starts from the plan.
 */
public final class CheckpointChain {

    public static final int SPACING_DAYS = 28;
    public static final int MAX_LINKS = 14;

    /** The figures, and the chain to keep. */
    public record Result(AdherenceCalculator.Calculation calculation, List<AdherenceCheckpoint> chain) {
    }

    private CheckpointChain() {
    }

    /** The chain up to its newest checkpoint that nothing arrived rewrites (empty: start from the plan). */
    public static List<AdherenceCheckpoint> upToNewestValid(List<AdherenceCheckpoint> chain,
                                                            Predicate<AdherenceCheckpoint> rewritten) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!rewritten.test(chain.get(i))) {
                return List.copyOf(chain.subList(0, i + 1));
            }
        }
        return List.of();
    }

    /** Where {@link #calculate} starts: the newest of {@code kept}, or the plan's start. */
    public static AdherenceCheckpoint start(List<AdherenceCheckpoint> kept) {
        return kept.isEmpty() ? AdherenceCheckpoint.NONE : kept.get(kept.size() - 1);
    }

    /**
     * Calculates from the newest of {@code kept}: first the links every {@value #SPACING_DAYS} days up to 28 days
     * before today (each a checkpointed calculation as of the day it closes, so what it remembers equals the full
     * calculation's), then the figures as of {@code now}. {@code activities} must hold what
     * {@link AdherenceCalculator#calculate} needs for the newest of {@code kept}.
     */
    public static Result calculate(Collection<PlanVersion> versions, Collection<? extends Activity> activities,
                                   Instant now, List<AdherenceCheckpoint> kept) {
        List<AdherenceCheckpoint> chain = new ArrayList<>(kept);
        AdherenceCheckpoint base = start(kept);
        PlanCalendar calendar = new PlanCalendar(versions);
        if (!calendar.isEmpty()) {
            LocalDate newest = calendar.dateOf(now).minusDays(28);
            LocalDate from = base.isNone()
                    ? calendar.versions().stream().map(PlanVersion::startDate).min(Comparator.naturalOrder())
                            .orElseThrow().minusDays(1)
                    : base.closedThrough();
            for (LocalDate through = from.plusDays(SPACING_DAYS); through.isBefore(newest);
                 through = through.plusDays(SPACING_DAYS)) {
                // any instant of the day 28 days after the link's: its checkpoint closes the link's day
                Instant then = calendar.startOf(through.plusDays(28)).plus(Duration.ofHours(12));
                base = AdherenceCalculator.calculate(versions, activities, then, base).checkpoint();
                chain.add(base);
            }
        }
        AdherenceCalculator.Calculation calculation = AdherenceCalculator.calculate(versions, activities, now, base);
        return new Result(calculation, withNewest(chain, calculation.checkpoint()));
    }

    /** The newest replaces the previous newest while that one is not yet a link (fewer days from the one before). */
    static List<AdherenceCheckpoint> withNewest(List<AdherenceCheckpoint> chain, AdherenceCheckpoint newest) {
        List<AdherenceCheckpoint> next = new ArrayList<>(chain);
        if (newest.isNone()) {
            return List.copyOf(next);
        }
        int n = next.size();
        if (n > 0 && !next.get(n - 1).closedThrough().isBefore(newest.closedThrough())) {
            next.set(n - 1, newest); // the same day again (or an older one: the newer calculation is the one to keep)
        } else if (n >= 2 && next.get(n - 2).closedThrough().plusDays(SPACING_DAYS).isAfter(next.get(n - 1).closedThrough())) {
            next.set(n - 1, newest);
        } else {
            next.add(newest);
        }
        while (next.size() > MAX_LINKS + 1) {
            next.remove(0);
        }
        return List.copyOf(next);
    }
}
