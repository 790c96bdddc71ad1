package io.microshop.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.event.EventType;
import io.microshop.event.MessagingAttributes;
import io.microshop.event.ProductLiked;
import io.microshop.event.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace context's way into an outbox row, and from the row into the relay's span and the message's headers. */
class PublishSpansTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final PublishSpans spans = new PublishSpans(tracing.get("relay"));

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void aRowWrittenInARequestKeepsItsContextAndIsPublishedUnderAChildProducerSpan() {
        Span request = tracing.get("main").spanBuilder("POST /api/products/{id}/like").startSpan();
        OutboxRow row;
        try (Scope ignored = request.makeCurrent()) {
            row = written(TraceContext.current());
        }
        request.end();
        assertEquals(request.getSpanContext().getSpanId(), row.trace().spanContext().getSpanId());

        Span publish = spans.start(row, EventType.PRODUCT_LIKED);
        TraceContext sent = TraceContext.of(publish);
        publish.end();

        SpanData span = exported.getFinishedSpanItems().get(1);
        assertEquals("publish " + EventType.PRODUCT_LIKED.exchange(), span.getName());
        assertEquals(SpanKind.PRODUCER, span.getKind());
        assertEquals(request.getSpanContext().getTraceId(), span.getTraceId());
        assertEquals(request.getSpanContext().getSpanId(), span.getParentSpanId());
        assertEquals("rabbitmq", span.getAttributes().get(MessagingAttributes.SYSTEM));
        assertEquals(EventType.PRODUCT_LIKED.exchange(), span.getAttributes().get(MessagingAttributes.DESTINATION));
        assertEquals(EventType.PRODUCT_LIKED.routingKey(), span.getAttributes().get(MessagingAttributes.ROUTING_KEY));
        assertEquals(row.eventId(), span.getAttributes().get(MessagingAttributes.MESSAGE_ID));
        assertEquals("send", span.getAttributes().get(MessagingAttributes.OPERATION_TYPE));
        assertEquals(span.getSpanId(), sent.spanContext().getSpanId(), "the message carries the publish span");
        assertEquals(span.getTraceId(), TraceContext.fromHeaders(sent.headers()).spanContext().getTraceId());
    }

    @Test
    void aRowWrittenOutsideAnyTraceIsPublishedWithoutASpanOrHeaders() {
        OutboxRow row = written(TraceContext.current());

        Span publish = spans.start(row, EventType.PRODUCT_LIKED);
        publish.end();

        assertFalse(row.trace().isPresent());
        assertFalse(publish.getSpanContext().isValid());
        assertTrue(TraceContext.of(publish).headers().isEmpty());
        assertEquals(List.of(), exported.getFinishedSpanItems());
    }

    @Test
    void anUnsampledRequestsRowPublishesUnsampledToo() {
        Span request = SdkTracerProvider.builder().setSampler(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOff())
                .build().get("main").spanBuilder("unsampled").startSpan();
        OutboxRow row;
        try (Scope ignored = request.makeCurrent()) {
            row = written(TraceContext.current());
        }

        Span publish = spans.start(row, EventType.PRODUCT_LIKED);
        publish.end();

        assertFalse(publish.getSpanContext().isSampled());
        assertEquals(List.of(), exported.getFinishedSpanItems());
    }

    /** A row as the relay gets it, from the entity the outbox persists. */
    private static OutboxRow written(TraceContext trace) {
        OutboxMessage message = new OutboxMessage(ProductLiked.now(7, 3, 1), "main@test", Instant.now(), trace);
        message.id = 1L;
        return message.row();
    }
}
