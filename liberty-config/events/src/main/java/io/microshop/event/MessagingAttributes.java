package io.microshop.event;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The OpenTelemetry messaging semantic conventions' attributes that the relay's PRODUCER spans
 * and the consumers' CONSUMER spans set, plus the event type of this shop's contract.
 */
public final class MessagingAttributes {

    public static final String RABBITMQ = "rabbitmq";
    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> ROUTING_KEY =
            AttributeKey.stringKey("messaging.rabbitmq.destination.routing_key");
    public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    public static final AttributeKey<Long> BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
    public static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    public static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("microshop.event.type");

    private MessagingAttributes() {
    }
}
