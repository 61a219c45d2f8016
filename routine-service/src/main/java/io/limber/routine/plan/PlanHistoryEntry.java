package io.limber.routine.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One past or present version of a person's plan. */
@Entity
@Table(name = "plan_history")
public class PlanHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public int version;

    @Column(name = "change_kind", nullable = false)
    public String changeKind;

    @Column(nullable = false)
    public String snapshot;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
