package io.microshop.event;

import java.time.Instant;
import java.util.UUID;

/** admin changed a product's title or image; carries its whole state after the change. */
public record ProductUpdated(UUID id, Instant occurredAt, long productId, long version, String title, String image)
        implements ProductEvent {

    public ProductUpdated {
        EventFields.checkHeader(id, occurredAt, productId, version);
        ProductFields.check(title, image);
    }

    public static ProductUpdated now(long productId, long version, String title, String image) {
        return new ProductUpdated(EventFields.newId(), EventFields.now(), productId, version, title, image);
    }

    @Override
    public EventType type() {
        return EventType.PRODUCT_UPDATED;
    }
}
