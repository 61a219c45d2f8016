package io.limber.routine.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored version of a routine; its content is the routine's JSON, so the catalogue stays data. */
@Entity
@Table(name = "routine_version")
public class RoutineVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "routine_id", nullable = false)
    public String routineId;

    @Column(nullable = false)
    public int version;

    @Column(name = "built_in", nullable = false)
    public boolean builtIn;

    @Column(nullable = false)
    public String definition;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The routine's newest stored version, or null when none is stored yet. */
    public static Uni<RoutineVersion> latest(String routineId) {
        return RoutineVersion.<RoutineVersion>find("routineId = ?1 order by version desc", routineId).firstResult();
    }
}
