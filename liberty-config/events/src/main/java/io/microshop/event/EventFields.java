package io.microshop.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The rules every event's common fields follow, checked when an event is made or read. */
final class EventFields {

    private EventFields() {
    }

    static UUID newId() {
        return UUID.randomUUID();
    }

    /** Microseconds: what a DATETIME(6) column keeps, so that an event read back from the outbox is equal. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static void checkHeader(UUID id, Instant occurredAt, long productId, long version) {
        require(id != null, "id is required");
        require(occurredAt != null, "occurredAt is required");
        require(productId > 0, "productId must be positive");
        require(version > 0, "version must be positive");
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new MalformedEventException(message);
        }
    }
}
