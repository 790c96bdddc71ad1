package io.microshop.consumer;

import io.prometheus.metrics.core.metrics.Histogram;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a consumer did since it started: counts of each outcome (shown by its health endpoint) and
 * the timings of its work, the time each batch took and each event's age when it was committed
 * here (the consumer's lag behind the producer). {@link ConsumerMetrics} exposes them all.
 */
public final class ConsumerStats {

    private final Map<Outcome, AtomicLong> outcomes = new EnumMap<>(Outcome.class);
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    final Histogram batchSeconds = Histogram.builder()
            .name("microshop_consumer_batch_duration_seconds")
            .help("How long a batch took, from taking it off the queue to its acknowledgement")
            .classicOnly().withoutExemplars().build();
    final Histogram eventAgeSeconds = Histogram.builder()
            .name("microshop_consumer_event_age_seconds")
            .help("An applied event's age when its transaction committed: how far the consumer lags behind its producer")
            .classicOnly().classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300)
            .withoutExemplars().build();

    public ConsumerStats() {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new AtomicLong());
        }
    }

    void count(Outcome outcome) {
        outcomes.get(outcome).incrementAndGet();
    }

    void deadLettered() {
        deadLettered.incrementAndGet();
    }

    void retried() {
        retried.incrementAndGet();
    }

    void batchTook(Duration duration) {
        batchSeconds.observe(duration.toNanos() / 1e9);
    }

    void committed(Instant occurredAt) {
        eventAgeSeconds.observe(Math.max(0, Duration.between(occurredAt, Instant.now()).toNanos() / 1e9));
    }

    public long of(Outcome outcome) {
        return outcomes.get(outcome).get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    public long retriedCount() {
        return retried.get();
    }
}
