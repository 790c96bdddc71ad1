package io.microshop.consumer;

/** A message as the broker delivered it: its delivery tag (to acknowledge it by), body and message id. */
record Delivery(long tag, byte[] body, String messageId) {
}
