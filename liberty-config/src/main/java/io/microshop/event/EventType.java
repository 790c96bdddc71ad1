package io.microshop.event;

import java.util.Arrays;
import java.util.Optional;

/** The events of the shop: what changed, which exchange carries it, and its routing key. */
public enum EventType {
    PRODUCT_CREATED("product_created", Topology.ADMIN_EVENTS, "product.created"),
    PRODUCT_UPDATED("product_updated", Topology.ADMIN_EVENTS, "product.updated"),
    PRODUCT_DELETED("product_deleted", Topology.ADMIN_EVENTS, "product.deleted"),
    PRODUCT_LIKED("product_liked", Topology.MAIN_EVENTS, "product.liked");

    private final String wireName;
    private final String exchange;
    private final String routingKey;

    EventType(String wireName, String exchange, String routingKey) {
        this.wireName = wireName;
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
}
