package io.microshop.consumer;

import io.microshop.event.TraceContext;

/**
 * A message as the broker delivered it: its delivery tag (to acknowledge it by), body, message id
 * and the trace context of its publishing.
 */
record Delivery(long tag, byte[] body, String messageId, TraceContext trace) {
}
