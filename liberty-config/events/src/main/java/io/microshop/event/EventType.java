package io.microshop.event;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of event of the shop: the name on the wire, the record, and the exchange and routing key that carry it. */
public enum EventType {
    PRODUCT_CREATED("product_created", ProductCreated.class, Topology.ADMIN_EVENTS, "product.created"),
    PRODUCT_UPDATED("product_updated", ProductUpdated.class, Topology.ADMIN_EVENTS, "product.updated"),
    PRODUCT_DELETED("product_deleted", ProductDeleted.class, Topology.ADMIN_EVENTS, "product.deleted"),
    PRODUCT_LIKED("product_liked", ProductLiked.class, Topology.MAIN_EVENTS, "product.liked");

    private final String wireName;
    private final Class<? extends Event> eventClass;
    private final String exchange;
    private final String routingKey;

    EventType(String wireName, Class<? extends Event> eventClass, String exchange, String routingKey) {
        this.wireName = wireName;
        this.eventClass = eventClass;
        this.exchange = exchange;
        this.routingKey = routingKey;
    }

    /** The name in the message's {@code type} property and body. */
    public String wireName() {
        return wireName;
    }

    public String exchange() {
        return exchange;
    }

    public String routingKey() {
        return routingKey;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    public static EventType of(Class<? extends Event> eventClass) {
        return Arrays.stream(values()).filter(type -> type.eventClass.equals(eventClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + eventClass));
    }
}
