package io.microshop.main.sync;

import static io.microshop.main.sync.SyncWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.microshop.event.Event;
import io.microshop.event.EventJson;
import io.microshop.event.EventMessage;
import io.microshop.event.EventType;
import io.microshop.event.ProductCreated;
import io.microshop.event.ProductDeleted;
import io.microshop.event.ProductLiked;
import io.microshop.event.ProductUpdated;
import io.microshop.event.Topology;
import io.microshop.main.Fixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumers' delivery guarantees, with events published straight to the exchanges: a
 * redelivered event applies once, out-of-order events end in the newest state, a poison message
 * is dead-lettered without stopping the queue, an event of a type the consumer does not handle
 * is acknowledged and counted, an event type no consumer handles is routed nowhere, and a like
 * for a product admin no longer has is acknowledged.
 */
public class EventDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** Product ids of this test's own, far from admin's and from main's own tests' ids. */
    private static final AtomicLong IDS =
            new AtomicLong(Fixture.FIRST_PUBLISHED_ID + System.currentTimeMillis() % 1_000_000_000L);
    private static final Set<String> RETURNED = ConcurrentHashMap.newKeySet();
    private static SyncWorld world;
    private static Connection connection;
    private static Channel channel;

    @BeforeAll
    static void connect() throws Exception {
        world = SyncWorld.get();
        connection = world.broker.connect("event-delivery-it");
        channel = connection.createChannel();
        channel.confirmSelect();
        channel.addReturnListener(returned -> RETURNED.add(returned.getProperties().getMessageId()));
    }

    @AfterAll
    static void disconnect() throws Exception {
        connection.close();
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        long id = IDS.incrementAndGet();
        ProductUpdated updated = ProductUpdated.now(id, 2, "Twice delivered", "https://images.example.com/twice.png");

        publish(ProductCreated.now(id, 1, "Once", "https://images.example.com/once.png"));
        publish(updated);
        publish(updated);
        publish(ProductUpdated.now(id, 3, "After the duplicate", "https://images.example.com/3.png"));

        awaitTitle(id, "After the duplicate");
        assertEquals(1, world.mainDb.queryLong("SELECT COUNT(*) FROM inbox WHERE event_id = ?", updated.id().toString()));
        assertEquals(3, world.mainDb.queryLong("SELECT version FROM products WHERE id = ?", id));
    }

    @Test
    void eventsOutOfOrderEndInTheNewestState() throws Exception {
        long id = IDS.incrementAndGet();
        publish(ProductUpdated.now(id, 3, "Version 3", "https://images.example.com/3.png"));
        publish(ProductCreated.now(id, 1, "Version 1", "https://images.example.com/1.png"));
        publish(ProductUpdated.now(id, 2, "Version 2", "https://images.example.com/2.png"));
        long marker = publishMarker();

        awaitTitle(marker, "Marker");
        assertEquals("Version 3", title(id));
        assertEquals(3, world.mainDb.queryLong("SELECT version FROM products WHERE id = ?", id));
    }

    @Test
    void aLateCreateOrUpdateCannotBringADeletedProductBack() throws Exception {
        long id = IDS.incrementAndGet();
        publish(ProductCreated.now(id, 1, "Doomed", "https://images.example.com/d.png"));
        awaitTitle(id, "Doomed");
        publish(ProductDeleted.now(id, 3));
        publish(ProductUpdated.now(id, 2, "Resurrected?", "https://images.example.com/r.png"));
        publish(ProductCreated.now(id, 1, "Resurrected?", "https://images.example.com/r.png"));
        long marker = publishMarker();

        awaitTitle(marker, "Marker");
        assertEquals(0, world.mainDb.queryLong("SELECT COUNT(*) FROM products WHERE id = ?", id));
        assertEquals(3, world.mainDb.queryLong("SELECT version FROM product_tombstones WHERE id = ?", id));
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextOneStillApplies() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        publishRaw(Topology.ADMIN_EVENTS, "product.created", poisonId, "this is not an event");
        String wrongFieldsId = UUID.randomUUID().toString();
        publishRaw(Topology.ADMIN_EVENTS, "product.updated", wrongFieldsId,
                "{\"id\": \"" + wrongFieldsId + "\", \"type\": \"product_updated\", \"productId\": -4}");
        long marker = publishMarker();

        awaitTitle(marker, "Marker");
        String deadQueue = Topology.deadLetterQueue(Topology.PRODUCT_SYNC);
        awaitDeadLetter(deadQueue, poisonId);
        awaitDeadLetter(deadQueue, wrongFieldsId);
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotHandleIsAcknowledgedAndCountedNotDeadLettered() throws Exception {
        long unhandledBefore = counted(world.mainSync, "unhandled");
        long deadBefore = messagesIn(Topology.deadLetterQueue(Topology.PRODUCT_SYNC));
        String newerType = UUID.randomUUID().toString();
        publishRaw(Topology.ADMIN_EVENTS, "product.updated", newerType, "{\"id\": \"" + newerType + "\","
                + " \"type\": \"product_featured\", \"occurredAt\": \"2026-12-01T10:00:00Z\", \"productId\": 7,"
                + " \"version\": 9, \"data\": {\"rank\": 1}}");
        ProductLiked likeInTheWrongQueue = ProductLiked.now(IDS.incrementAndGet(), 7, 1);
        publishRaw(Topology.ADMIN_EVENTS, "product.updated", likeInTheWrongQueue.id().toString(),
                EventJson.write(likeInTheWrongQueue));
        long marker = publishMarker();

        awaitTitle(marker, "Marker");
        await("both counted as unhandled", PATIENCE, () -> counted(world.mainSync, "unhandled") == unhandledBefore + 2);
        assertEquals(deadBefore, messagesIn(Topology.deadLetterQueue(Topology.PRODUCT_SYNC)));
        assertEquals(200, world.mainSync.health().get("/health/live").status());
    }

    @Test
    void anEventTypeNoConsumerHandlesIsRoutedToNoQueue() throws Exception {
        String featured = UUID.randomUUID().toString();
        channel.basicPublish(Topology.ADMIN_EVENTS, "product.featured", true,
                new AMQP.BasicProperties.Builder().messageId(featured).build(), "{}".getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5000);

        await("the broker returning the unroutable message", PATIENCE, () -> RETURNED.contains(featured));
        ProductCreated routed = ProductCreated.now(IDS.incrementAndGet(), 1, "Routed", "https://images.example.com/r.png");
        channel.basicPublish(Topology.ADMIN_EVENTS, EventType.PRODUCT_CREATED.routingKey(), true,
                EventMessage.properties(routed, "event-delivery-it"), EventJson.write(routed).getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5000);
        awaitTitle(routed.productId(), "Routed");
        assertTrue(!RETURNED.contains(routed.id().toString()), "a bound type was returned as unroutable");
    }

    @Test
    void aLikeForAProductAdminNoLongerHasIsAcknowledgedAndCounted() throws Exception {
        long orphansBefore = counted(world.adminLikes, "orphan");
        ProductLiked like = ProductLiked.now(IDS.incrementAndGet(), 7, 1);
        publish(like);

        await("the orphan like recorded in admin's inbox", PATIENCE, () ->
                world.adminDb.queryLong("SELECT COUNT(*) FROM inbox WHERE event_id = ?", like.id().toString()) == 1);
        await("the orphan counted", PATIENCE, () -> counted(world.adminLikes, "orphan") > orphansBefore);
        await("the like queue empty", PATIENCE, () -> messagesIn(Topology.LIKE_SYNC) == 0);
        assertEquals(200, world.adminLikes.health().get("/health/live").status());
        assertEquals(0, messagesIn(Topology.deadLetterQueue(Topology.LIKE_SYNC)));
    }

    /** A product created after the events of a test: once it is in main, main-sync has taken what came before. */
    private static long publishMarker() throws Exception {
        long marker = IDS.incrementAndGet();
        publish(ProductCreated.now(marker, 1, "Marker", "https://images.example.com/m.png"));
        return marker;
    }

    /** A counter of the consumer's readiness check: applied, stale, orphan, duplicate, unhandled, retried, deadLettered. */
    private static long counted(ConsumerProcess consumer, String counter) {
        return consumer.health().get("/health/ready").json().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals("database"))
                .findFirst().orElseThrow()
                .getJsonObject("data").getJsonNumber(counter).longValue();
    }

    private static long messagesIn(String queue) {
        try {
            return channel.messageCount(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTitle(long id, String title) {
        await("product " + id + " titled '" + title + "' in main", PATIENCE, () -> title.equals(title(id)));
    }

    private static String title(long id) {
        var reply = world.main.get("/api/products/" + id);
        return reply.status() == 200 ? reply.json().getString("title") : null;
    }

    private static void publish(Event event) throws Exception {
        channel.basicPublish(event.type().exchange(), event.type().routingKey(),
                EventMessage.properties(event, "event-delivery-it"), EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5000);
    }

    private static void publishRaw(String exchange, String routingKey, String messageId, String body) throws Exception {
        channel.basicPublish(exchange, routingKey, new AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(2).messageId(messageId).build(),
                body.getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5000);
    }

    /** Waits for the message with this id in the dead-letter queue and takes it off; the others go back. */
    private static void awaitDeadLetter(String queue, String messageId) {
        await("message " + messageId + " in " + queue, PATIENCE, () -> takeFrom(queue, messageId));
    }

    private static boolean takeFrom(String queue, String messageId) throws Exception {
        List<Long> others = new ArrayList<>();
        try {
            for (GetResponse message; (message = channel.basicGet(queue, false)) != null; ) {
                if (messageId.equals(message.getProps().getMessageId())) {
                    channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
                    return true;
                }
                others.add(message.getEnvelope().getDeliveryTag());
            }
            return false;
        } finally {
            for (long tag : others) {
                channel.basicNack(tag, false, true);
            }
        }
    }
}
