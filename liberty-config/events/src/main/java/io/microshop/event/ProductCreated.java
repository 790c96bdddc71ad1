package io.microshop.event;

import java.time.Instant;
import java.util.UUID;

/** admin added a product to the catalogue; carries its whole state. */
public record ProductCreated(UUID id, Instant occurredAt, long productId, long version, String title, String image)
        implements ProductEvent {

    public ProductCreated {
        EventFields.checkHeader(id, occurredAt, productId, version);
        ProductFields.check(title, image);
    }

    public static ProductCreated now(long productId, long version, String title, String image) {
        return new ProductCreated(EventFields.newId(), EventFields.now(), productId, version, title, image);
    }

    @Override
    public EventType type() {
        return EventType.PRODUCT_CREATED;
    }
}
