package io.limber.routine.catalogue;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every stored version of every routine, looked up by id and version. */
public final class Catalogue {

    private final List<Routine> versions;

    public Catalogue(Collection<Routine> versions) {
        this.versions = versions.stream()
                .sorted(Comparator.comparing(Routine::routineId).thenComparingInt(Routine::version))
                .toList();
    }

    public boolean contains(String routineId) {
        return versions.stream().anyMatch(r -> r.routineId().equals(routineId));
    }

    public Optional<Routine> find(String routineId, int version) {
        return versions.stream().filter(r -> r.routineId().equals(routineId) && r.version() == version).findFirst();
    }

    public Optional<Routine> latest(String routineId) {
        return versions.stream().filter(r -> r.routineId().equals(routineId))
                .max(Comparator.comparingInt(Routine::version));
    }

    public List<Routine> versionsOf(String routineId) {
        return versions.stream().filter(r -> r.routineId().equals(routineId)).toList();
    }

    /** The newest version of each routine, ordered by id. */
    public List<Routine> latestVersions() {
        return versions.stream().map(Routine::routineId).distinct()
                .map(id -> latest(id).orElseThrow())
                .toList();
    }
}
