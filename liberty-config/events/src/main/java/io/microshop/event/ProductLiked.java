package io.microshop.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A shopper liked a product in main. {@code likes} is main's like count of the product after this
 * like: one more than the like before it, so it also orders the likes of one product (it is the
 * event's {@link #version()} on the wire). A consumer that counts likes adds one per event; the
 * count itself is main's, for comparison.
 */
public record ProductLiked(UUID id, Instant occurredAt, long productId, long userId, long likes) implements Event {

    public ProductLiked {
        EventFields.checkHeader(id, occurredAt, productId, likes);
        EventFields.require(userId > 0, "userId must be positive");
    }

    public static ProductLiked now(long productId, long userId, long likes) {
        return new ProductLiked(EventFields.newId(), EventFields.now(), productId, userId, likes);
    }

    @Override
    public long version() {
        return likes;
    }

    @Override
    public EventType type() {
        return EventType.PRODUCT_LIKED;
    }
}
