package io.microshop.event;

import java.time.Instant;
import java.util.UUID;

/** admin removed a product; {@code version} is the one after its last change. */
public record ProductDeleted(UUID id, Instant occurredAt, long productId, long version) implements ProductEvent {

    public ProductDeleted {
        EventFields.checkHeader(id, occurredAt, productId, version);
    }

    public static ProductDeleted now(long productId, long version) {
        return new ProductDeleted(EventFields.newId(), EventFields.now(), productId, version);
    }

    @Override
    public EventType type() {
        return EventType.PRODUCT_DELETED;
    }
}
