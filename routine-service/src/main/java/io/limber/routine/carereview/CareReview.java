package io.limber.routine.carereview;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A professional's review of a person's plan, requested after repeated or sharp pain. */
@Entity
@Table(name = "care_review")
public class CareReview extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_source", nullable = false)
    public String eventSource;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** {@code open} until a professional closes it. */
    @Column(nullable = false)
    public String status = OPEN;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** What the professional decided, in their words. */
    public String resolution;

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
}
