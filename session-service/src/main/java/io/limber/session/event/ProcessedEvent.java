package io.limber.session.event;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A CloudEvent (source, id) whose effect is stored; written in the same transaction as that effect. */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_source")
    public String eventSource;

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public String eventSource;
        public String eventId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(eventSource, k.eventSource)
                    && java.util.Objects.equals(eventId, k.eventId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(eventSource, eventId);
        }
    }

    public static ProcessedEvent of(String source, String id, String userId, Instant at) {
        ProcessedEvent p = new ProcessedEvent();
        p.eventSource = source;
        p.eventId = id;
        p.userId = userId;
        p.processedAt = at;
        return p;
    }
}
