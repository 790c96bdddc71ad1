package io.microshop.consumer;

import io.microshop.consumer.like.LikeSync;
import io.microshop.consumer.product.ProductSync;
import io.microshop.event.Topology;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The consumers of the shop: each one queue into one database, with what it does per event type. */
public enum Consumers {
    /** admin's product events into main's database. */
    MAIN_SYNC("main-sync", Topology.PRODUCT_SYNC, "main", 8081, ProductSync::handlers),
    /** main's likes into admin's database. */
    ADMIN_LIKES("admin-likes", Topology.LIKE_SYNC, "admin", 8082, LikeSync::handlers);

    private final String command;
    private final String queue;
    private final String database;
    private final int healthPort;
    private final Supplier<EventHandlers> handlers;

    Consumers(String command, String queue, String database, int healthPort, Supplier<EventHandlers> handlers) {
        this.command = command;
        this.queue = queue;
        this.database = database;
        this.healthPort = healthPort;
        this.handlers = handlers;
    }

    public String command() {
        return command;
    }

    public String queue() {
        return queue;
    }

    /** The database's default name (DB_NAME overrides it). */
    public String database() {
        return database;
    }

    /** The probes' default port (HEALTH_PORT overrides it). */
    public int healthPort() {
        return healthPort;
    }

    public EventHandlers handlers() {
        return handlers.get();
    }

    public static Optional<Consumers> named(String command) {
        return Arrays.stream(values()).filter(consumer -> consumer.command.equals(command)).findFirst();
    }
}
