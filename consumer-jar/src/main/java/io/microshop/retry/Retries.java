package io.microshop.retry;

import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import io.microshop.failure.Failures;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The retry policies of the plain-Java processes (the services use MicroProfile Fault
 * Tolerance), all on Failsafe with the same backoff: 100 ms, doubling, at most 5 s between tries.
 */
public final class Retries {

    public static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    public static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private Retries() {
    }

    /**
     * Waits out an outage: tries again for as long as the failure is one ({@code outage}) and
     * {@code stopping} is false. "Waiting for {what}: {reason}" is logged once per distinct reason.
     */
    public static <T> RetryPolicy<T> untilAvailable(String what, Predicate<Throwable> outage, BooleanSupplier stopping,
                                                    Logger log) {
        return Retries.<T>waiting(what, outage, log).withMaxRetries(-1)
                .abortIf((result, failure) -> stopping.getAsBoolean())
                .build();
    }

    /** As {@link #untilAvailable}, but gives up with the last failure once {@code patience} has passed. */
    public static <T> RetryPolicy<T> forAtMost(Duration patience, String what, Predicate<Throwable> outage, Logger log) {
        return Retries.<T>waiting(what, outage, log).withMaxRetries(-1).withMaxDuration(patience).build();
    }

    /**
     * Tries a failing action up to {@code attempts} times in all, for failures {@code fault} says
     * may pass; {@code onRetry} hears of each failed try (its number and failure) before the next.
     * Composed inside {@link #untilAvailable}, a try that fails for an outage does not count.
     */
    public static <T> RetryPolicy<T> attempts(int attempts, Predicate<Throwable> fault,
                                              BiConsumer<Integer, Throwable> onRetry) {
        AtomicInteger failed = new AtomicInteger();
        return RetryPolicy.<T>builder()
                .handleIf(fault::test)
                .withBackoff(FIRST_PAUSE, LONGEST_PAUSE)
                .withMaxAttempts(attempts)
                .onFailedAttempt(event -> {
                    int attempt = failed.incrementAndGet(); // Failsafe's own count includes the outage's tries
                    if (attempt < attempts) {
                        onRetry.accept(attempt, event.getLastException());
                    }
                })
                .build();
    }

    /** The failure a Failsafe execution ended with: Failsafe wraps checked exceptions. */
    public static Throwable cause(RuntimeException failure) {
        return failure instanceof FailsafeException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure;
    }

    private static <T> RetryPolicyBuilder<T> waiting(String what, Predicate<Throwable> outage, Logger log) {
        AtomicReference<String> lastReported = new AtomicReference<>();
        return RetryPolicy.<T>builder()
                .handleIf(outage::test)
                .withBackoff(FIRST_PAUSE, LONGEST_PAUSE)
                .onFailedAttempt(event -> {
                    String reason = Failures.firstLine(event.getLastException());
                    if (!Objects.equals(lastReported.getAndSet(reason), reason)) {
                        log.warning("Waiting for " + what + ": " + reason);
                    }
                });
    }
}
