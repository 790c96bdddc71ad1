package io.microshop.event;

import com.rabbitmq.client.LongString;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context an event carries: the one of the request that wrote it, kept with its
 * outbox row, then the relay's publish span's, sent in the AMQP message's {@code traceparent} and
 * {@code tracestate} headers, where a consumer picks it up. Empty when nothing was being traced,
 * and always empty while telemetry is off.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);
    /** W3C Trace Context allows dropping tracestate; this is its column's size. */
    public static final int MAX_TRACESTATE = 512;
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    public TraceContext {
        traceparent = traceparent == null || traceparent.isBlank() ? null : traceparent;
        tracestate = traceparent == null || tracestate == null || tracestate.isBlank()
                || tracestate.length() > MAX_TRACESTATE ? null : tracestate;
    }

    /** The context of the span current on this thread. */
    public static TraceContext current() {
        return of(Context.current());
    }

    public static TraceContext of(Context context) {
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    public static TraceContext of(Span span) {
        return of(Context.root().with(span));
    }

    /** From an AMQP message's headers (the client hands header strings over as {@link LongString}). */
    public static TraceContext fromHeaders(Map<String, Object> headers) {
        if (headers == null) {
            return NONE;
        }
        return new TraceContext(text(headers.get(TRACEPARENT)), text(headers.get(TRACESTATE)));
    }

    private static String text(Object value) {
        return value instanceof String || value instanceof LongString ? value.toString() : null;
    }

    /** For an AMQP message: {@code traceparent} and, if any, {@code tracestate}; empty when none. */
    public Map<String, Object> headers() {
        Map<String, Object> headers = new HashMap<>(4);
        if (traceparent != null) {
            headers.put(TRACEPARENT, traceparent);
            if (tracestate != null) {
                headers.put(TRACESTATE, tracestate);
            }
        }
        return headers;
    }

    /** A valid span context to parent or link a span on, or an invalid one when there is none or it is malformed. */
    public SpanContext spanContext() {
        return Span.fromContext(context()).getSpanContext();
    }

    /** The root context with this remote span context in it (the root context alone when there is none). */
    public Context context() {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>(4);
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), carrier, FROM_MAP);
    }

    /** Whether there is a valid context to continue. */
    public boolean isPresent() {
        return spanContext().isValid();
    }
}
