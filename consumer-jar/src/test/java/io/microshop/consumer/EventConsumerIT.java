package io.microshop.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.microshop.consumer.product.ProductSync;
import io.microshop.database.DatabaseConnector;
import io.microshop.database.DatabaseSettings;
import io.microshop.event.Broker;
import io.microshop.event.Event;
import io.microshop.event.EventJson;
import io.microshop.event.EventMessage;
import io.microshop.event.ProductCreated;
import io.microshop.event.ProductLiked;
import io.microshop.event.TraceContext;
import io.microshop.migration.MigratedDatabase;
import io.microshop.migration.Schema;
import io.microshop.testing.FaultProxy;
import io.microshop.testing.TestBroker;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.sql.SQLSyntaxErrorException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consuming engine on the tests' RabbitMQ node and the real MariaDB, without Liberty: a
 * queue of each test's own, main-sync's handlers, and a fault proxy in front of the database.
 */
class EventConsumerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int DATABASE_PROXY_PORT = 18108;
    private static final int MAX_ATTEMPTS = 3;
    private static MigratedDatabase main;
    private static FaultProxy database;

    private final ConsumerStats stats = new ConsumerStats();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private final String queue = "event-consumer-it." + UUID.randomUUID();
    private Connection connection;
    private Channel publisher;
    private Channel consumerChannel;
    private EventConsumer consumer;
    private long ids = System.nanoTime() % 1_000_000_000L;

    @BeforeAll
    static void migrate() {
        main = MigratedDatabase.of(Schema.MAIN, "main_engine_test");
        DatabaseSettings direct = main.connector().settings();
        database = FaultProxy.start(DATABASE_PROXY_PORT, direct.host(), direct.port());
    }

    @BeforeEach
    void connect() throws Exception {
        connection = new Broker(TestBroker.url()).connect("event-consumer-it");
        publisher = connection.createChannel();
        publisher.queueDeclare(queue, true, false, false, null);
        consumerChannel = connection.createChannel();
        consumerChannel.basicQos(100);
    }

    @AfterEach
    void disconnect() throws Exception {
        database.mode(FaultProxy.Mode.PASS);
        if (consumer != null) {
            consumer.stop(PATIENCE);
        }
        publisher.queueDelete(queue);
        connection.close();
        tracing.close();
    }

    @Test
    void eachMessageIsAppliedUnhandledOrDeadLetteredAndNoneIsLeftUnsettled() throws Exception {
        start(ProductSync.handlers());
        long id = ++ids;
        publish(ProductCreated.now(id, 1, "Applied", "https://images.example.com/a.png"));
        publish("not an event");
        publish(ProductLiked.now(id, 7, 1));
        publish("{\"id\": \"" + UUID.randomUUID() + "\", \"type\": \"product_featured\", \"occurredAt\":"
                + " \"2026-12-01T10:00:00Z\", \"productId\": 1, \"version\": 1, \"data\": {}}");

        await().atMost(PATIENCE).until(() -> stats.of(Outcome.APPLIED) == 1 && stats.of(Outcome.UNHANDLED) == 2
                && stats.deadLetteredCount() == 1);
        assertEquals(1, main.rows().queryLong("SELECT COUNT(*) FROM products WHERE id = ?", id));
        assertSettled();
    }

    @Test
    void whileTheDatabaseIsUnreachableEventsWaitAndThenApplyWithNothingDeadLettered() throws Exception {
        database.mode(FaultProxy.Mode.REFUSE);
        start(ProductSync.handlers());
        long id = ++ids;
        publish(ProductCreated.now(id, 1, "Waited", "https://images.example.com/w.png"));

        await().atMost(PATIENCE).until(() -> publisher.messageCount(queue) == 0); // taken, not settled
        await("the event waiting, unapplied and not dead-lettered, while the outage lasts")
                .during(Duration.ofSeconds(1)).atMost(PATIENCE)
                .until(() -> stats.of(Outcome.APPLIED) == 0 && stats.deadLetteredCount() == 0);
        database.mode(FaultProxy.Mode.PASS);

        await().atMost(PATIENCE).until(() -> stats.of(Outcome.APPLIED) == 1);
        assertEquals(0, stats.deadLetteredCount());
        assertEquals(1, main.rows().queryLong("SELECT COUNT(*) FROM products WHERE id = ?", id));
        assertSettled();
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredAfterItsAttemptsAndTheOthersApply() throws Exception {
        long poisoned = ++ids;
        EventHandlers failingForOneProduct = new EventHandlers().on(ProductCreated.class, (db, created) -> {
            if (created.productId() == poisoned) {
                throw new SQLSyntaxErrorException("a fault that no retry cures", "42000");
            }
            return Outcome.APPLIED;
        });
        start(failingForOneProduct);
        publish(ProductCreated.now(poisoned, 1, "Poisoned", "https://images.example.com/p.png"));
        publish(ProductCreated.now(++ids, 1, "Fine", "https://images.example.com/f.png"));

        await().atMost(PATIENCE).until(() -> stats.deadLetteredCount() == 1 && stats.of(Outcome.APPLIED) == 1);
        assertEquals(MAX_ATTEMPTS - 1, stats.retriedCount());
        assertSettled();
    }

    private void start(EventHandlers handlers) throws Exception {
        DatabaseSettings direct = main.connector().settings();
        DatabaseSettings proxied = new DatabaseSettings("127.0.0.1", DATABASE_PROXY_PORT, direct.name(), direct.user(),
                direct.password(), direct.sslMode());
        consumer = new EventConsumer(new Subscription(consumerChannel, queue), handlers,
                new DatabaseSession(new DatabaseConnector(proxied)), 200, MAX_ATTEMPTS, stats,
                new ProcessSpans(tracing.get("test"), queue, proxied));
        consumer.start();
    }

    /** Every delivery acknowledged or rejected: after the consumer stops and its channel closes, none comes back. */
    private void assertSettled() throws Exception {
        consumer.stop(PATIENCE);
        consumer = null;
        consumerChannel.close();
        assertEquals(0, publisher.messageCount(queue));
    }

    @Test
    void anEventIsProcessedUnderAChildOfItsPublishSpanWithItsTransactionBelow() throws Exception {
        start(ProductSync.handlers());
        TraceContext published = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "shop=a1");
        long id = ++ids;
        publish(ProductCreated.now(id, 1, "Traced", "https://images.example.com/t.png"), published);

        await().atMost(PATIENCE).until(() -> spans.getFinishedSpanItems().size() == 2);
        SpanData transaction = spans.getFinishedSpanItems().get(0);
        SpanData process = spans.getFinishedSpanItems().get(1);
        assertEquals("process " + queue, process.getName());
        assertEquals(SpanKind.CONSUMER, process.getKind());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", process.getTraceId());
        assertEquals("00f067aa0ba902b7", process.getParentSpanId());
        assertEquals("a1", process.getSpanContext().getTraceState().get("shop"));
        assertEquals("transaction main_engine_test", transaction.getName());
        assertEquals(SpanKind.CLIENT, transaction.getKind());
        assertEquals(process.getSpanId(), transaction.getParentSpanId());
        assertEquals(1L, transaction.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey(
                "microshop.events.applied")));
        assertSettled();
    }

    private void publish(Event event) throws Exception {
        publish(event, TraceContext.NONE);
    }

    private void publish(Event event, TraceContext trace) throws Exception {
        publisher.basicPublish("", queue, EventMessage.properties(event.id().toString(), event.type(), event.occurredAt(),
                "event-consumer-it", trace), EventJson.write(event).getBytes(StandardCharsets.UTF_8));
    }

    private void publish(String body) throws Exception {
        publisher.basicPublish("", queue, null, body.getBytes(StandardCharsets.UTF_8));
    }
}
