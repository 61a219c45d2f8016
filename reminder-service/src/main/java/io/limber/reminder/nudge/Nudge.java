package io.limber.reminder.nudge;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A nudge sent to a person; its id is deterministic, so the same nudge is never stored twice. */
@Entity
@Table(name = "nudge")
public class Nudge extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String priority;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
