package io.limber.routine.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A record waiting to go to Kafka, written in the same transaction as the change it announces. The table sets its
 * lane from the key and, on commit, wakes the relay (V3 migration); the writer does nothing more.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    /** The CloudEvent id; null for a tombstone. */
    @Column(name = "event_id")
    public String eventId;

    /** The record value; null for a tombstone. */
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static OutboxEntry of(String topic, String key, String eventId, String payload, Instant now) {
        OutboxEntry entry = new OutboxEntry();
        entry.topic = topic;
        entry.recordKey = key;
        entry.eventId = eventId;
        entry.payload = payload;
        entry.createdAt = now;
        return entry;
    }
}
