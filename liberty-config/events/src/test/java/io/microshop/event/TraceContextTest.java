package io.microshop.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.LongStringHelper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    @Test
    void theCurrentSpansContextIsTakenInW3CForm() {
        SpanContext remote = SpanContext.createFromRemoteParent(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("shop", "a1").build());
        try (Scope ignored = Context.root().with(Span.wrap(remote)).makeCurrent()) {
            TraceContext current = TraceContext.current();

            assertEquals(TRACEPARENT, current.traceparent());
            assertEquals("shop=a1", current.tracestate());
        }
    }

    @Test
    void aSpanOfTheSdkComesBackAsTheParentItWas() {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build()) {
            Span span = tracing.get("test").spanBuilder("request").startSpan();

            SpanContext back = TraceContext.of(span).spanContext();

            assertTrue(back.isRemote());
            assertEquals(span.getSpanContext().getTraceId(), back.getTraceId());
            assertEquals(span.getSpanContext().getSpanId(), back.getSpanId());
            assertTrue(back.isSampled());
            span.end();
        }
    }

    @Test
    void withoutASpanThereIsNoContextAndNoHeader() {
        TraceContext none = TraceContext.current();

        assertNull(none.traceparent());
        assertFalse(none.isPresent());
        assertEquals(Map.of(), none.headers());
        assertFalse(Span.fromContext(none.context()).getSpanContext().isValid());
        assertNull(EventMessage.properties("id", EventType.PRODUCT_LIKED, Instant.now(), "main", none).getHeaders());
    }

    @Test
    void theContextTravelsInTheMessagesHeadersAndComesBackFromTheClientsLongStrings() {
        TraceContext sent = new TraceContext(TRACEPARENT, "shop=a1,other=b2");
        AMQP.BasicProperties properties = EventMessage.properties("id", EventType.PRODUCT_LIKED, Instant.now(), "main", sent);
        assertEquals(Map.of("traceparent", TRACEPARENT, "tracestate", "shop=a1,other=b2"), properties.getHeaders());

        Map<String, Object> received = new HashMap<>();
        properties.getHeaders().forEach((name, value) -> received.put(name, LongStringHelper.asLongString((String) value)));

        TraceContext back = TraceContext.fromHeaders(received);
        assertEquals(sent, back);
        assertEquals(SPAN_ID, back.spanContext().getSpanId());
        assertEquals("a1", back.spanContext().getTraceState().get("shop"));
    }

    @Test
    void aMalformedTraceparentGivesNoParent() {
        for (String malformed : new String[] {"00-xyz-" + SPAN_ID + "-01", "00-" + "0".repeat(32) + "-" + SPAN_ID + "-01",
                "garbage", ""}) {
            TraceContext received = TraceContext.fromHeaders(Map.of("traceparent", malformed));
            assertFalse(received.isPresent(), malformed);
            assertFalse(received.spanContext().isValid(), malformed);
        }
        assertFalse(TraceContext.fromHeaders(Map.of("traceparent", 42)).isPresent());
        assertFalse(TraceContext.fromHeaders(null).isPresent());
    }

    @Test
    void aTracestateTooLongForItsColumnIsDroppedAndNoneWithoutATraceparent() {
        assertNull(new TraceContext(TRACEPARENT, "a=" + "b".repeat(TraceContext.MAX_TRACESTATE)).tracestate());
        assertNull(new TraceContext(null, "shop=a1").tracestate());
        assertEquals("shop=a1", new TraceContext(TRACEPARENT, "shop=a1").tracestate());
    }
}
