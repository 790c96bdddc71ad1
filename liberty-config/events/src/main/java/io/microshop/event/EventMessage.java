package io.microshop.event;

import com.rabbitmq.client.AMQP;
import java.time.Instant;
import java.util.Date;

/**
 * How an event travels as an AMQP message: its JSON as a persistent message, with its id, type
 * and time also in the message's properties, the producing service as the app id, and the
 * publisher's trace context, if any, in the W3C headers.
 */
public final class EventMessage {

    private static final String CONTENT_TYPE = "application/json";
    private static final int PERSISTENT = 2;

    private EventMessage() {
    }

    public static AMQP.BasicProperties properties(String eventId, EventType type, Instant occurredAt, String producer) {
        return properties(eventId, type, occurredAt, producer, TraceContext.NONE);
    }

    public static AMQP.BasicProperties properties(String eventId, EventType type, Instant occurredAt, String producer,
                                                  TraceContext trace) {
        return new AMQP.BasicProperties.Builder()
                .contentType(CONTENT_TYPE)
                .contentEncoding("utf-8")
                .deliveryMode(PERSISTENT)
                .messageId(eventId)
                .type(type.wireName())
                .timestamp(Date.from(occurredAt))
                .appId(producer)
                .headers(trace.isPresent() ? trace.headers() : null)
                .build();
    }

    public static AMQP.BasicProperties properties(Event event, String producer) {
        return properties(event.id().toString(), event.type(), event.occurredAt(), producer);
    }
}
