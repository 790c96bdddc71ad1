package io.microshop.consumer;

import io.microshop.database.DatabaseSettings;
import io.microshop.event.MessagingAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import java.util.Locale;

/**
 * A consumer's spans, as OpenTelemetry's messaging conventions have them: one CONSUMER span per
 * batch it processes, the child of its message's publish span when the batch is one message, and
 * otherwise linked to each message's; under it, a CLIENT span for each database transaction.
 */
final class ProcessSpans {

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
    static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<Long> DB_BATCH_SIZE = AttributeKey.longKey("db.operation.batch.size");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

    private final Tracer tracer;
    private final String queue;
    private final DatabaseSettings database;

    ProcessSpans(Tracer tracer, String queue, DatabaseSettings database) {
        this.tracer = tracer;
        this.queue = queue;
        this.database = database;
    }

    /** Not current yet: the caller makes it current for the batch's work. */
    Span batch(List<Delivery> deliveries) {
        SpanBuilder span = tracer.spanBuilder("process " + queue)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MessagingAttributes.SYSTEM, MessagingAttributes.RABBITMQ)
                .setAttribute(MessagingAttributes.OPERATION_TYPE, "process")
                .setAttribute(MessagingAttributes.OPERATION_NAME, "process")
                .setAttribute(MessagingAttributes.DESTINATION, queue);
        if (deliveries.size() == 1) {
            Delivery only = deliveries.get(0);
            span.setParent(only.trace().context());
            if (only.messageId() != null) {
                span.setAttribute(MessagingAttributes.MESSAGE_ID, only.messageId());
            }
        } else {
            span.setNoParent().setAttribute(MessagingAttributes.BATCH_SIZE, (long) deliveries.size());
            for (Delivery delivery : deliveries) {
                SpanContext published = delivery.trace().spanContext();
                if (published.isValid()) {
                    span.addLink(published);
                }
            }
        }
        return span.startSpan();
    }

    /** A child of the current span. */
    Span transaction(int events) {
        return tracer.spanBuilder("transaction " + database.name())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(DB_SYSTEM, "mariadb")
                .setAttribute(DB_NAMESPACE, database.name())
                .setAttribute(DB_OPERATION, "transaction")
                .setAttribute(DB_BATCH_SIZE, (long) events)
                .setAttribute(SERVER_ADDRESS, database.host())
                .setAttribute(SERVER_PORT, (long) database.port())
                .startSpan();
    }

    /** What became of the transaction's events, on its span: how many were applied, duplicates, orphans. */
    static void count(Span span, List<Outcome> outcomes) {
        for (Outcome outcome : Outcome.values()) {
            long count = outcomes.stream().filter(outcome::equals).count();
            if (count > 0) {
                span.setAttribute(AttributeKey.longKey("microshop.events." + outcome.name().toLowerCase(Locale.ROOT)), count);
            }
        }
    }
}
