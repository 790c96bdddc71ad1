package io.microshop.outbox;

import java.time.Instant;

/** An outbox row as the relay publishes it: the event's id, type, time and JSON, and the row's id to delete it by. */
record OutboxRow(long id, String eventId, String eventType, Instant occurredAt, String payload) {
}
