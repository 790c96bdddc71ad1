package io.microshop.event;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * Every exchange and queue of the shop, declared the same way by every producer and consumer
 * (declaring is idempotent), so that no event is dropped for want of a queue, whichever process
 * starts first. Queues are durable quorum queues; a message a consumer rejects, or one delivered
 * more than {@link #DELIVERY_LIMIT} times, goes to the queue's dead-letter queue.
 */
public final class Topology {

    /** Topic exchange of admin's product events. */
    public static final String ADMIN_EVENTS = "microshop.admin.events";
    /** Topic exchange of main's like events. */
    public static final String MAIN_EVENTS = "microshop.main.events";
    /** Direct exchange that routes rejected messages to their queue's dead-letter queue. */
    public static final String DEAD_LETTERS = "microshop.dead-letters";
    /** Product events on their way into main's database. */
    public static final String PRODUCT_SYNC = "microshop.main.product-sync";
    /** Likes on their way into admin's database. */
    public static final String LIKE_SYNC = "microshop.admin.like-sync";
    public static final int DELIVERY_LIMIT = 20;

    private Topology() {
    }

    public static void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(ADMIN_EVENTS, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(MAIN_EVENTS, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(DEAD_LETTERS, BuiltinExchangeType.DIRECT, true);
        queue(channel, PRODUCT_SYNC, ADMIN_EVENTS, "product.*");
        queue(channel, LIKE_SYNC, MAIN_EVENTS, EventType.PRODUCT_LIKED.routingKey());
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dead";
    }

    private static void queue(Channel channel, String name, String exchange, String bindingKey) throws IOException {
        String dead = deadLetterQueue(name);
        channel.queueDeclare(dead, true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(dead, DEAD_LETTERS, name);
        channel.queueDeclare(name, true, false, false, Map.of(
                "x-queue-type", "quorum",
                "x-dead-letter-exchange", DEAD_LETTERS,
                "x-dead-letter-routing-key", name,
                "x-delivery-limit", DELIVERY_LIMIT));
        channel.queueBind(name, exchange, bindingKey);
    }
}
