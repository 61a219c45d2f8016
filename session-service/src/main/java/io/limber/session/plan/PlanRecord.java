package io.limber.session.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** session-service's own copy of one plan version routine-service published. */
@Entity
@Table(name = "plan_version")
public class PlanRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public int version;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** The CloudEvent as received (structured form). */
    @Column(nullable = false)
    public String payload;
}
