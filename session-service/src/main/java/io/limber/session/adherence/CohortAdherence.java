package io.limber.session.adherence;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How a cohort adheres, for professionals: how many people are adherent (28-day session adherence ≥ 80 %), how many
 * are not, how many have nothing due yet, and the percentiles of 28-day session adherence among those known.
 */
public record CohortAdherence(int people, int adherent, int notAdherent, int unknown, Double p10, Double p25,
                              Double median, Double p75, Double p90) {

    public static CohortAdherence of(int people, Collection<Double> sessionAdherence28) {
        List<Double> known = sessionAdherence28.stream().filter(Objects::nonNull).sorted().toList();
        int adherent = (int) known.stream().filter(v -> v >= Adherence.ADHERENT_LINE).count();
        return new CohortAdherence(people, adherent, known.size() - adherent, people - known.size(),
                percentile(known, 10), percentile(known, 25), percentile(known, 50), percentile(known, 75),
                percentile(known, 90));
    }

    /** Nearest-rank percentile; null for an empty cohort. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
