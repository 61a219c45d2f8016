package io.limber.session.person;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person session-service knows from a plan, with their latest adherence snapshot. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    /** The data of the latest {@code limber.adherence.updated}, as JSON. */
    public String snapshot;

    @Column(name = "snapshot_seq", nullable = false)
    public long snapshotSeq;

    @Column(name = "session_adherence28")
    public Double sessionAdherence28;

    public Boolean adherent;

    @Column(name = "next_check_at")
    public Instant nextCheckAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
