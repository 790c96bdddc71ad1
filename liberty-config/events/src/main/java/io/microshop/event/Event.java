package io.microshop.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened in one service that another one needs to know (docs/asyncapi.yaml is
 * the contract): a record per kind of event, each carrying what its consumer needs and nothing
 * else. {@link EventJson} is its form on the wire.
 */
public sealed interface Event permits ProductEvent, ProductLiked {

    /** Unique per event; also the AMQP message id, and what a consumer's inbox remembers. */
    UUID id();

    /** When the change was made, in microseconds (what a DATETIME(6) column keeps). */
    Instant occurredAt();

    /** The product the event is about. */
    long productId();

    /**
     * Orders the events about one product from the same producer: a later event has a greater
     * number. What the number is depends on the event (a product's version, a like count).
     */
    long version();

    EventType type();
}
