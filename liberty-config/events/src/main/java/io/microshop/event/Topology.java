package io.microshop.event;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every exchange and queue of the shop, declared the same way by every producer and consumer
 * (declaring is idempotent), so that no event is dropped for want of a queue, whichever process
 * starts first. Queues are durable quorum queues; a message a consumer rejects, or one delivered
 * more than {@link #DELIVERY_LIMIT} times, goes to the queue's dead-letter queue.
 * <p>
 * A queue is bound by the routing key of each event type its consumer handles, and by nothing
 * wider: an event type added to an exchange later reaches no queue until a consumer that handles
 * it is deployed and binds it.
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

    /** The event types each queue is bound to. */
    public static final Map<String, Set<EventType>> BINDINGS = Map.of(
            PRODUCT_SYNC, EnumSet.of(EventType.PRODUCT_CREATED, EventType.PRODUCT_UPDATED, EventType.PRODUCT_DELETED),
            LIKE_SYNC, EnumSet.of(EventType.PRODUCT_LIKED));

    /** The wildcard binding of product-sync before 2026-12; removed so that only the types above are routed. */
    private static final String FORMER_PRODUCT_BINDING = "product.*";

    private Topology() {
    }

    public static void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(ADMIN_EVENTS, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(MAIN_EVENTS, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(DEAD_LETTERS, BuiltinExchangeType.DIRECT, true);
        for (var queue : BINDINGS.entrySet()) {
            declareQueue(channel, queue.getKey(), queue.getValue());
        }
        channel.queueUnbind(PRODUCT_SYNC, ADMIN_EVENTS, FORMER_PRODUCT_BINDING);
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dead";
    }

    private static void declareQueue(Channel channel, String name, Set<EventType> types) throws IOException {
        String dead = deadLetterQueue(name);
        channel.queueDeclare(dead, true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(dead, DEAD_LETTERS, name);
        channel.queueDeclare(name, true, false, false, Map.of(
                "x-queue-type", "quorum",
                "x-dead-letter-exchange", DEAD_LETTERS,
                "x-dead-letter-routing-key", name,
                "x-delivery-limit", DELIVERY_LIMIT));
        for (EventType type : types) {
            channel.queueBind(name, type.exchange(), type.routingKey());
        }
    }
}
