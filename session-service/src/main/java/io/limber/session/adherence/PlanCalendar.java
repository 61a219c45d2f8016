package io.limber.session.adherence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Local dates as a person's plan sees them: which plan version is in force on a date (the newest one published
 * before that date ended, in that version's zone), the bounds of that date in its zone, and the date of an instant.
 */
public final class PlanCalendar {

    private static final Comparator<PlanVersion> NEWEST_LAST =
            Comparator.comparing(PlanVersion::publishedAt).thenComparingInt(PlanVersion::version);

    private final List<PlanVersion> versions;

    public PlanCalendar(Collection<PlanVersion> versions) {
        Map<Integer, PlanVersion> byVersion = new TreeMap<>();
        versions.forEach(v -> byVersion.merge(v.version(), v, (a, b) -> NEWEST_LAST.compare(a, b) <= 0 ? a : b));
        this.versions = byVersion.values().stream().sorted(NEWEST_LAST).toList();
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    public List<PlanVersion> versions() {
        return versions;
    }

    /**
     * The version in force on {@code date}: the newest one published before the date ended, so later versions never
     * rewrite the past. Before the first version was published, the first version itself: a plan entered after
     * its start date (a prescription typed in late, history an app uploads at onboarding) has nothing earlier to
     * rewrite, and its own start date, not its publication, says when it began.
     */
    public Optional<PlanVersion> inForce(LocalDate date) {
        PlanVersion found = versions.isEmpty() ? null : versions.get(0);
        for (PlanVersion v : versions) {
            if (v.publishedAt().isBefore(endOf(date, v.zone()))) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The zone dates are counted in on {@code date}: that of the version in force, else the first version's. */
    public ZoneId zoneOn(LocalDate date) {
        return inForce(date).map(PlanVersion::zone).orElse(versions.get(0).zone());
    }

    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zoneOn(date)).toInstant();
    }

    public Instant endOf(LocalDate date) {
        return endOf(date, zoneOn(date));
    }

    /**
     * The local date of an instant, a session's start for one: its date in the zone of the newest version published
     * before it (before the first version was published, the first version's zone: it counts from its start date).
     * So every instant has exactly one date, and a version published later never moves an earlier one. Around a
     * change of zone this date need not lie within the bounds {@link #startOf} and {@link #endOf} give it, which come
     * from the version in force on it (a Tokyo session the morning before a move to Los Angeles is published belongs
     * to that Tokyo date, whose day, by then in force in Los Angeles, begins hours later); it never lies after them.
     */
    public LocalDate dateOf(Instant instant) {
        PlanVersion newest = versions.get(0);
        for (PlanVersion v : versions) {
            if (v.publishedAt().isBefore(instant)) {
                newest = v;
            }
        }
        return LocalDate.ofInstant(instant, newest.zone());
    }

    private static Instant endOf(LocalDate date, ZoneId zone) {
        ZonedDateTime next = date.plusDays(1).atStartOfDay(zone);
        return next.toInstant();
    }
}
