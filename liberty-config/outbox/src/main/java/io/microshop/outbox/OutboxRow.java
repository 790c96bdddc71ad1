package io.microshop.outbox;

import io.microshop.event.TraceContext;
import java.time.Instant;

/**
 * An outbox row as the relay publishes it: the event's id, type, time and JSON, the trace context
 * of the request that wrote it, and the row's id to delete it by.
 */
record OutboxRow(long id, String eventId, String eventType, Instant occurredAt, String payload, TraceContext trace) {
}
