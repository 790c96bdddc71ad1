package io.microshop.outbox;

import io.microshop.failure.Failures;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the relay publishes, and why not when it does not: read by the readiness check,
 * logged once per distinct failure and once on recovery.
 */
final class RelayStatus {

    private static final Logger LOG = Logger.getLogger(RelayStatus.class.getName());
    private static final String NOT_STARTED = "not connected yet";

    private volatile String failure = NOT_STARTED;

    /** Why the last attempt to publish failed, or null when it did not. */
    String failure() {
        return failure;
    }

    boolean publishing() {
        return failure == null;
    }

    void failed(Exception cause, long retryMillis) {
        String reason = Failures.describe(cause);
        if (!reason.equals(failure)) {
            LOG.log(Level.WARNING, "Outbox relay cannot publish, events wait in the outbox (retrying every "
                    + retryMillis + " ms): " + reason);
        }
        failure = reason;
    }

    void publishes() {
        String previous = failure;
        failure = null;
        if (previous != null && !NOT_STARTED.equals(previous)) {
            LOG.info("Outbox relay publishes again");
        }
    }
}
