package io.microshop.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory hand-over from committed transactions to the relay, in commit order (which is
 * version order for the events of one product, as their transactions lock the product row).
 * Bounded, and closed while the relay cannot publish: what it does not take stays in the table,
 * where the relay finds it.
 */
@ApplicationScoped
public class CommittedRows {

    private static final int CAPACITY = 10_000;

    private final BlockingQueue<OutboxRow> rows = new LinkedBlockingQueue<>(CAPACITY);
    private volatile boolean open;

    void handOver(List<OutboxRow> committed) {
        if (open) {
            for (OutboxRow row : committed) {
                if (!rows.offer(row)) {
                    return; // full: the rows are in the table, the relay reads them from there
                }
            }
        }
    }

    /** Waits up to {@code patience} for a row, then takes what has arrived, at most {@code max} rows. */
    List<OutboxRow> take(long patienceMillis, int max) throws InterruptedException {
        List<OutboxRow> batch = new ArrayList<>();
        OutboxRow first = rows.poll(patienceMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            rows.drainTo(batch, max - 1);
        }
        return batch;
    }

    /** Takes rows again: the relay publishes. */
    void open() {
        open = true;
    }

    /** Takes no more rows and forgets those not taken yet: they are all in the table. */
    void close() {
        open = false;
        rows.clear();
    }

    /** Forgets the rows not taken yet (they are in the table, and the relay is about to read it). */
    void clear() {
        rows.clear();
    }

    boolean isOpen() {
        return open;
    }
}
