package io.microshop.event;

/**
 * A message, or an event being made, that breaks the contract: no retry can make it valid, so a
 * consumer sends it to the dead-letter queue at once.
 */
public class MalformedEventException extends IllegalArgumentException {

    public MalformedEventException(String message) {
        super(message);
    }
}
