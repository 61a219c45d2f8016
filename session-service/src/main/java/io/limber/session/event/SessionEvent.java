package io.limber.session.event;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A session event accepted from a client app, stored once per CloudEvent (source, id). */
@Entity
@Table(name = "session_event")
public class SessionEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_source", nullable = false)
    public String eventSource;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String type;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The CloudEvent as received (structured form). */
    @Column(nullable = false)
    public String payload;
}
