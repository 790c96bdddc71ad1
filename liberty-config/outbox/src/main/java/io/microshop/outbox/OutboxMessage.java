package io.microshop.outbox;

import io.microshop.event.Event;
import io.microshop.event.EventJson;
import io.microshop.event.TraceContext;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event waiting in the service's own database until a relay has published it. It is born
 * claimed by the relay of the server that wrote it (for one lease), so that another replica's
 * relay leaves it alone while its own relay publishes it from memory. It keeps the trace context
 * of the request that wrote it, so that its publishing continues that request's trace.
 */
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

    @Column(name = "claimed_by")
    String claimedBy;

    @Column(name = "claimed_until", columnDefinition = "DATETIME(6)")
    Instant claimedUntil;

    @Column(name = "trace_parent", columnDefinition = "CHAR(55)")
    String traceParent;

    @Column(name = "trace_state", length = TraceContext.MAX_TRACESTATE)
    String traceState;

    protected OutboxMessage() {
    }

    OutboxMessage(Event event, String owner, Instant claimedUntil, TraceContext trace) {
        eventId = event.id().toString();
        eventType = event.type().wireName();
        productId = event.productId();
        version = event.version();
        occurredAt = event.occurredAt();
        payload = EventJson.write(event);
        claimedBy = owner;
        this.claimedUntil = claimedUntil;
        traceParent = trace.traceparent();
        traceState = trace.tracestate();
    }

    /** What the relay needs to publish this row without reading it back. */
    OutboxRow row() {
        return new OutboxRow(id, eventId, eventType, occurredAt, payload, new TraceContext(traceParent, traceState));
    }
}
