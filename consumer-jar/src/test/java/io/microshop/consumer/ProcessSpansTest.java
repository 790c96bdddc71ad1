package io.microshop.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.microshop.database.DatabaseSettings;
import io.microshop.event.MessagingAttributes;
import io.microshop.event.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace context's way out of the deliveries' headers into the consumer's spans. */
class ProcessSpansTest {

    private static final DatabaseSettings DATABASE = new DatabaseSettings("db.example", 3306, "admin", "shop", "x",
            "PREFERRED");
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final ProcessSpans spans = new ProcessSpans(tracing.get("admin-likes"), "admin-likes", DATABASE);

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void aBatchOfOneIsTheChildOfItsMessagesPublishSpanAndItsTransactionTheChildOfThat() {
        Span process = spans.batch(List.of(delivery("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
        try (Scope ignored = process.makeCurrent()) {
            spans.transaction(1).end();
        }
        process.end();

        SpanData transaction = exported.getFinishedSpanItems().get(0);
        SpanData batch = exported.getFinishedSpanItems().get(1);
        assertEquals(SpanKind.CONSUMER, batch.getKind());
        assertEquals("process admin-likes", batch.getName());
        assertEquals("00f067aa0ba902b7", batch.getParentSpanId());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", batch.getTraceId());
        assertEquals("message-1", batch.getAttributes().get(MessagingAttributes.MESSAGE_ID));
        assertEquals("process", batch.getAttributes().get(MessagingAttributes.OPERATION_TYPE));
        assertEquals("transaction admin", transaction.getName());
        assertEquals(SpanKind.CLIENT, transaction.getKind());
        assertEquals(batch.getSpanId(), transaction.getParentSpanId());
        assertEquals("admin", transaction.getAttributes().get(ProcessSpans.DB_NAMESPACE));
        assertEquals("db.example", transaction.getAttributes().get(ProcessSpans.SERVER_ADDRESS));
    }

    @Test
    void aBatchOfSeveralHasNoParentAndALinkToEachTracedMessage() {
        spans.batch(List.of(
                delivery("00-11111111111111111111111111111111-1111111111111111-01"),
                delivery(null),
                delivery("00-22222222222222222222222222222222-2222222222222222-00"))).end();

        SpanData batch = exported.getFinishedSpanItems().get(0);
        assertFalse(batch.getParentSpanContext().isValid());
        assertEquals(3L, batch.getAttributes().get(MessagingAttributes.BATCH_SIZE));
        assertEquals(List.of("1111111111111111", "2222222222222222"),
                batch.getLinks().stream().map(link -> link.getSpanContext().getSpanId()).toList());
    }

    @Test
    void anUntracedMessageStartsATraceOfItsOwn() {
        spans.batch(List.of(delivery(null))).end();

        SpanData batch = exported.getFinishedSpanItems().get(0);
        assertFalse(batch.getParentSpanContext().isValid());
        assertEquals(List.of(), batch.getLinks());
    }

    private static Delivery delivery(String traceparent) {
        return new Delivery(1, new byte[0], "message-1", new TraceContext(traceparent, null));
    }
}
