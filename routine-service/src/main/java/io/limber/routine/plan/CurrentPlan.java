package io.limber.routine.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The current version of one person's plan, stored as the snapshot that was published. */
@Entity
@Table(name = "current_plan")
public class CurrentPlan extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String snapshot;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
