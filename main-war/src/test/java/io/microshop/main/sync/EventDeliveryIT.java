package io.microshop.main.sync;

import static io.microshop.main.sync.SyncWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.microshop.event.Event;
import io.microshop.event.EventType;
import io.microshop.event.Topology;
import io.microshop.main.Fixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumers' delivery guarantees, with events published straight to the exchanges: a
 * redelivered event applies once, out-of-order events end in the newest state, a poison message
 * is dead-lettered without stopping the queue, and a like for a product admin no longer has is
 * acknowledged.
 */
public class EventDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** Product ids of this test's own, far from admin's and from main's own tests' ids. */
    private static final AtomicLong IDS =
            new AtomicLong(Fixture.FIRST_PUBLISHED_ID + System.currentTimeMillis() % 1_000_000_000L);
    private static SyncWorld world;
    private static Connection connection;
    private static Channel channel;

    @BeforeAll
    static void connect() throws Exception {
        world = SyncWorld.get();
        connection = world.broker.connect("event-delivery-it");
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    @AfterAll
    static void disconnect() throws Exception {
        connection.close();
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        long id = IDS.incrementAndGet();
        Event created = Event.productCreated(id, 1, "Once", "https://images.example.com/once.png");
        Event updated = Event.productUpdated(id, 2, "Twice delivered", "https://images.example.com/twice.png");

        publish(created);
        publish(updated);
        publish(updated);
        Event marker = Event.productUpdated(id, 3, "After the duplicate", "https://images.example.com/3.png");
        publish(marker);

        awaitTitle(id, "After the duplicate");
        assertEquals(1, world.mainDb.queryLong("SELECT COUNT(*) FROM inbox WHERE event_id = ?", updated.id().toString()));
        assertEquals(3, world.mainDb.queryLong("SELECT version FROM products WHERE id = ?", id));
    }

    @Test
    void eventsOutOfOrderEndInTheNewestState() throws Exception {
        long id = IDS.incrementAndGet();
        publish(Event.productUpdated(id, 3, "Version 3", "https://images.example.com/3.png"));
        publish(Event.productCreated(id, 1, "Version 1", "https://images.example.com/1.png"));
        publish(Event.productUpdated(id, 2, "Version 2", "https://images.example.com/2.png"));
        long marker = IDS.incrementAndGet();
        publish(Event.productCreated(marker, 1, "Marker", "https://images.example.com/m.png"));

        awaitTitle(marker, "Marker");
        assertEquals("Version 3", title(id));
        assertEquals(3, world.mainDb.queryLong("SELECT version FROM products WHERE id = ?", id));
    }

    @Test
    void aLateCreateOrUpdateCannotBringADeletedProductBack() throws Exception {
        long id = IDS.incrementAndGet();
        publish(Event.productCreated(id, 1, "Doomed", "https://images.example.com/d.png"));
        awaitTitle(id, "Doomed");
        publish(Event.productDeleted(id, 3));
        publish(Event.productUpdated(id, 2, "Resurrected?", "https://images.example.com/r.png"));
        publish(Event.productCreated(id, 1, "Resurrected?", "https://images.example.com/r.png"));
        long marker = IDS.incrementAndGet();
        publish(Event.productCreated(marker, 1, "Marker", "https://images.example.com/m.png"));

        awaitTitle(marker, "Marker");
        assertEquals(0, world.mainDb.queryLong("SELECT COUNT(*) FROM products WHERE id = ?", id));
        assertEquals(3, world.mainDb.queryLong("SELECT version FROM product_tombstones WHERE id = ?", id));
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextOneStillApplies() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        publishRaw(Topology.ADMIN_EVENTS, "product.created", poisonId, "this is not an event");
        long id = IDS.incrementAndGet();
        String wrongFieldsId = UUID.randomUUID().toString();
        publishRaw(Topology.ADMIN_EVENTS, "product.updated", wrongFieldsId,
                "{\"id\": \"" + wrongFieldsId + "\", \"type\": \"product_updated\", \"productId\": -4}");
        publish(Event.productCreated(id, 1, "After the poison", "https://images.example.com/p.png"));

        awaitTitle(id, "After the poison");
        String deadQueue = Topology.deadLetterQueue(Topology.PRODUCT_SYNC);
        assertNotNull(deadLetter(deadQueue, poisonId), "the poison message in " + deadQueue);
        assertNotNull(deadLetter(deadQueue, wrongFieldsId), "the message with invalid fields in " + deadQueue);
    }

    @Test
    void aLikeForAProductAdminNoLongerHasIsAcknowledgedAndCounted() throws Exception {
        long orphansBefore = orphans();
        Event like = Event.productLiked(IDS.incrementAndGet(), 1, 7);
        publish(like);

        await("the orphan like recorded in admin's inbox", PATIENCE, () ->
                world.adminDb.queryLong("SELECT COUNT(*) FROM inbox WHERE event_id = ?", like.id().toString()) == 1);
        assertTrue(orphans() > orphansBefore);
        await("the like queue empty", PATIENCE, () -> messagesIn(Topology.LIKE_SYNC) == 0);
        assertEquals(200, world.adminLikes.health().get("/health/live").status());
        assertEquals(0, messagesIn(Topology.deadLetterQueue(Topology.LIKE_SYNC)));
    }

    private static long orphans() {
        return world.adminLikes.health().get("/health/ready").json().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals("database"))
                .findFirst().orElseThrow()
                .getJsonObject("data").getJsonNumber("orphan").longValue();
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
        return world.main.get("/api/products/" + id).status() == 200
                ? world.main.get("/api/products/" + id).json().getString("title") : null;
    }

    private static void publish(Event event) throws Exception {
        EventType type = event.type();
        publishRaw(type.exchange(), type.routingKey(), event.id().toString(), event.toJson());
    }

    private static void publishRaw(String exchange, String routingKey, String messageId, String body) throws Exception {
        channel.basicPublish(exchange, routingKey, new AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(2).messageId(messageId).build(),
                body.getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5000);
    }

    /**
     * Takes the dead-lettered message with this id off the queue, waiting for it; null if it never
     * comes. The others it reads on the way go back to the queue.
     */
    private static GetResponse deadLetter(String queue, String messageId) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        List<Long> others = new ArrayList<>();
        try {
            while (System.currentTimeMillis() < deadline) {
                GetResponse message = channel.basicGet(queue, false);
                if (message == null) {
                    Thread.sleep(100);
                } else if (messageId.equals(message.getProps().getMessageId())) {
                    channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
                    return message;
                } else {
                    others.add(message.getEnvelope().getDeliveryTag());
                }
            }
            return null;
        } finally {
            for (long tag : others) {
                channel.basicNack(tag, false, true);
            }
        }
    }
}
