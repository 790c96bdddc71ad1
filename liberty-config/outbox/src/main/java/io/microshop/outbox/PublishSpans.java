package io.microshop.outbox;

import io.microshop.event.EventType;
import io.microshop.event.MessagingAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;

/**
 * The relay's PRODUCER span for publishing one outbox row, a child of the request that wrote the
 * row. A row written outside any trace (telemetry off, or a write no one traced) is published
 * without a span: the relay starts no trace of its own.
 */
final class PublishSpans {

    private final Tracer tracer;

    PublishSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** @return the started span, or the invalid span (which records nothing and propagates nothing) */
    Span start(OutboxRow row, EventType type) {
        Context parent = row.trace().context();
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("publish " + type.exchange())
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent)
                .setAttribute(MessagingAttributes.SYSTEM, MessagingAttributes.RABBITMQ)
                .setAttribute(MessagingAttributes.OPERATION_TYPE, "send")
                .setAttribute(MessagingAttributes.OPERATION_NAME, "publish")
                .setAttribute(MessagingAttributes.DESTINATION, type.exchange())
                .setAttribute(MessagingAttributes.ROUTING_KEY, type.routingKey())
                .setAttribute(MessagingAttributes.MESSAGE_ID, row.eventId())
                .setAttribute(MessagingAttributes.BODY_SIZE, (long) row.payload().getBytes(StandardCharsets.UTF_8).length)
                .setAttribute(MessagingAttributes.EVENT_TYPE, type.wireName())
                .startSpan();
    }
}
