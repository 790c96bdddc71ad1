package io.microshop.consumer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of what a consumer did since it started, shown by its health endpoint. */
public final class ConsumerStats {

    private final Map<Outcome, AtomicLong> outcomes = new EnumMap<>(Outcome.class);
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

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
