package io.microshop.consumer;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.microshop.event.Envelope;
import io.microshop.event.Event;
import io.microshop.event.EventJson;
import io.microshop.event.MalformedEventException;
import io.microshop.failure.Failures;
import io.microshop.retry.Retries;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes events from one queue and applies them to one database, on one worker thread, in
 * batches of whatever has arrived (up to a limit), each batch in one {@link EventTransaction};
 * a batch is acknowledged only after its transaction commits.
 * <ul>
 * <li>A message that breaks the contract is rejected at once, so the queue dead-letters it.</li>
 * <li>A valid event of a type this consumer does not handle is acknowledged and counted
 *     ({@link Outcome#UNHANDLED}), never dead-lettered.</li>
 * <li>While the database is unreachable the batch waits in hand (unacknowledged) and is tried
 *     again with backoff for as long as it takes: nothing is dead-lettered for an outage.</li>
 * <li>Any other failure of a batch is retried event by event; an event that still fails after
 *     {@code maxAttempts} tries is dead-lettered and the rest go on.</li>
 * </ul>
 * Each batch is processed under a CONSUMER span ({@link ProcessSpans}), current while its work
 * runs, so that its database spans and log lines belong to it.
 */
public final class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class.getName());
    private static final long POLL_MILLIS = 200;

    /** A delivery whose event this consumer handles. */
    private record Received(Delivery delivery, Event event) {
    }

    /** The worker was asked to stop while it waited: the deliveries in hand stay unacknowledged. */
    private static final class Stopping extends Exception {
        Stopping() {
            super(null, null, false, false);
        }
    }

    private final Subscription subscription;
    private final EventHandlers handlers;
    private final DatabaseSession session;
    private final EventTransaction transaction;
    private final int batchSize;
    private final int maxAttempts;
    private final ConsumerStats stats;
    private final ProcessSpans spans;
    private final Set<String> unhandledTypesSeen = ConcurrentHashMap.newKeySet();
    private final Thread worker;
    private volatile boolean running = true;

    EventConsumer(Subscription subscription, EventHandlers handlers, DatabaseSession session, int batchSize,
                  int maxAttempts, ConsumerStats stats, ProcessSpans spans) {
        this.subscription = subscription;
        this.handlers = handlers;
        this.session = session;
        this.spans = spans;
        this.transaction = new EventTransaction(session, handlers, spans);
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.stats = stats;
        this.worker = new Thread(this::work, "consumer-" + subscription.queue());
    }

    public void start() throws IOException {
        worker.start();
        subscription.start();
    }

    /** Stops taking deliveries, lets the worker finish the batch in hand, and waits for it. */
    public void stop(Duration patience) throws InterruptedException {
        subscription.cancel();
        running = false;
        worker.join(patience.toMillis());
        session.close();
    }

    public boolean alive() {
        return worker.isAlive() && running && !subscription.cancelledByBroker();
    }

    private void work() {
        List<Delivery> batch = List.of();
        try {
            while (running && !subscription.cancelledByBroker()) {
                batch = subscription.nextBatch(batchSize, POLL_MILLIS);
                if (!batch.isEmpty()) {
                    processTraced(batch);
                }
            }
        } catch (Stopping | InterruptedException e) {
            LOG.info("Stopped with " + (batch.size() + subscription.waiting())
                    + " unacknowledged deliveries; the broker redelivers them");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The consumer of " + subscription.queue() + " failed", e);
            running = false;
        }
    }

    private void processTraced(List<Delivery> batch) throws Stopping {
        long started = System.nanoTime();
        Span span = spans.batch(batch);
        try (Scope ignored = span.makeCurrent()) {
            process(batch);
        } finally {
            span.end();
            stats.batchTook(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void process(List<Delivery> batch) throws Stopping {
        List<Received> toApply = new ArrayList<>(batch.size());
        List<Delivery> unhandled = new ArrayList<>();
        Delivery lastSettled = null;
        for (Delivery delivery : batch) {
            try {
                Envelope envelope = EventJson.read(delivery.body());
                Optional<Event> event = envelope.event().filter(handlers::handles);
                if (event.isPresent()) {
                    toApply.add(new Received(delivery, event.get()));
                } else {
                    unhandled.add(delivery);
                    reportUnhandled(envelope.type());
                }
                lastSettled = delivery;
            } catch (MalformedEventException e) {
                deadLetter(delivery, "malformed: " + e.getMessage());
            }
        }
        if (lastSettled == null) {
            return;
        }
        try {
            List<Outcome> outcomes = toApply.isEmpty() ? List.of() : Failsafe.with(untilTheDatabaseAnswers())
                    .get(() -> transaction.apply(toApply.stream().map(Received::event).toList()));
            subscription.acknowledge(lastSettled, true);
            outcomes.forEach(stats::count);
            toApply.forEach(received -> stats.committed(received.event().occurredAt()));
            LOG.fine(() -> "Applied " + toApply.size() + " events from " + subscription.queue() + ": " + outcomes);
            unhandled.forEach(delivery -> stats.count(Outcome.UNHANDLED));
            return;
        } catch (RuntimeException e) {
            stopIfAsked();
            // found out one by one below
        }
        for (Received received : toApply) {
            applyAlone(received);
        }
        for (Delivery delivery : unhandled) {
            subscription.acknowledge(delivery, false);
            stats.count(Outcome.UNHANDLED);
        }
    }

    private void applyAlone(Received received) throws Stopping {
        RetryPolicy<List<Outcome>> attempts = Retries.attempts(maxAttempts,
                failure -> !Failures.databaseUnreachable(failure) && !(failure instanceof MalformedEventException),
                (attempt, failure) -> {
                    stats.retried();
                    LOG.warning("Event " + received.event().id() + " failed (attempt " + attempt + " of " + maxAttempts
                            + "), retrying: " + Failures.describe(failure));
                });
        try {
            Outcome outcome = Failsafe.with(untilTheDatabaseAnswers(), attempts)
                    .get(() -> transaction.apply(List.of(received.event()))).get(0);
            subscription.acknowledge(received.delivery(), false);
            stats.count(outcome);
            stats.committed(received.event().occurredAt());
        } catch (RuntimeException e) {
            stopIfAsked();
            deadLetter(received.delivery(), "cannot be applied: " + Failures.describe(Retries.cause(e)));
        }
    }

    private RetryPolicy<List<Outcome>> untilTheDatabaseAnswers() {
        return Retries.untilAvailable("the database (" + subscription.queue()
                        + " waits; nothing is acknowledged or dead-lettered)",
                Failures::databaseUnreachable, () -> !running, LOG);
    }

    private void stopIfAsked() throws Stopping {
        if (!running) {
            throw new Stopping();
        }
    }

    private void reportUnhandled(String type) {
        if (unhandledTypesSeen.add(type)) {
            LOG.warning("Events of type '" + type + "' reached " + subscription.queue()
                    + ", whose consumer does not handle them: acknowledged, counted as unhandled, not applied");
        }
    }

    private void deadLetter(Delivery delivery, String reason) {
        stats.deadLettered();
        LOG.warning("Dead-lettering message " + delivery.messageId() + " from " + subscription.queue() + ": " + reason);
        subscription.reject(delivery);
    }
}
