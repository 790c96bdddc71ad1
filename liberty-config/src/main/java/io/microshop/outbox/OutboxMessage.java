package io.microshop.outbox;

import io.microshop.event.Event;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event waiting in the service's own database until the relay has published it. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "event_id", nullable = false, columnDefinition = "CHAR(36)")
    String eventId;

    @Column(name = "event_type", nullable = false, length = 40)
    String eventType;

    @Column(name = "product_id", nullable = false)
    long productId;

    @Column(nullable = false)
    long version;

    @Column(name = "occurred_at", nullable = false, columnDefinition = "DATETIME(6)")
    Instant occurredAt;

    @Column(nullable = false, columnDefinition = "TEXT")
    String payload;

    protected OutboxMessage() {
    }

    /** What the relay needs to publish this row without reading it back. */
    Committed committed() {
        return new Committed(id, eventId, eventType, occurredAt, payload);
    }

    /** An outbox row whose transaction committed, handed to the relay in memory. */
    record Committed(long id, String eventId, String eventType, Instant occurredAt, String payload) {
    }

    OutboxMessage(Event event) {
        eventId = event.id().toString();
        eventType = event.type().wireName();
        productId = event.productId();
        version = event.version();
        occurredAt = event.occurredAt();
        payload = event.toJson();
    }
}
