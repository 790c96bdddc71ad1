package io.microshop.event;

/** A message that no retry can make valid: it goes to the dead-letter queue at once. */
public class MalformedEventException extends IllegalArgumentException {

    public MalformedEventException(String message) {
        super(message);
    }
}
