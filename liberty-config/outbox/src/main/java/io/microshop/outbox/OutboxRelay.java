package io.microshop.outbox;

import io.microshop.event.Broker;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Publishes the outbox on one thread of its own, deleting rows only once the broker has
 * confirmed them.
 * <ul>
 * <li>Fast path: the rows of each committed transaction arrive in memory ({@link CommittedRows})
 *     and are published at once, in batches of whatever has arrived.</li>
 * <li>Safety net: when nothing has arrived for a poll interval, and after any failure, the
 *     relay claims rows from the table ({@link OutboxTable}) and publishes them in id order:
 *     rows a crashed replica left behind, and everything written while the broker was away.
 *     While it fails, the hand-over is closed and the table alone is the queue.</li>
 * </ul>
 * Either path may publish a row the other has published (a crash between confirm and delete, a
 * lease that ran out): consumers recognise the event id, so a duplicate changes nothing.
 */
@ApplicationScoped
public class OutboxRelay {

    @Resource(lookup = "jdbc/shop")
    DataSource database;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    OutboxSettings settings;

    @Inject
    CommittedRows committed;

    @Inject
    OutboxMetrics metrics;

    /** mpTelemetry's: records nothing while telemetry is off. */
    @Inject
    Tracer tracer;

    private final RelayStatus status = new RelayStatus();
    private volatile boolean stopped;
    private Thread relay;
    private OutboxTable table;
    private EventPublisher publisher;

    void start(@Observes Startup startup) {
        table = new OutboxTable(database);
        publisher = new EventPublisher(new Broker(settings.brokerUrl()), settings.serviceName(),
                settings.confirmTimeout(), tracer, metrics);
        relay = threads.newThread(this::run);
        relay.setName("outbox-relay");
        relay.setDaemon(true);
        relay.start();
    }

    /** Whether the relay holds an open connection to the broker. */
    public boolean connected() {
        EventPublisher current = publisher;
        return current != null && current.connected();
    }

    /** Why the last attempt to publish failed, or null when it did not. */
    public String failure() {
        return status.failure();
    }

    private void run() {
        long pollMillis = settings.pollInterval().toMillis();
        long lastRead = 0;
        while (!stopped) {
            try {
                boolean readDue = System.nanoTime() - lastRead >= pollMillis * 1_000_000;
                List<OutboxRow> handedOver = committed.isOpen() && !readDue
                        ? committed.take(pollMillis, settings.batchSize()) : List.of();
                if (!handedOver.isEmpty()) {
                    publishAndDelete(handedOver);
                } else {
                    lastRead = System.nanoTime();
                    publishTheTable();
                    status.publishes();
                    committed.open();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | SQLException | TimeoutException | RuntimeException e) {
                status.failed(e, pollMillis);
                committed.close();
                publisher.discardChannel();
                pause(pollMillis);
            }
        }
    }

    /** Everything the table holds for this relay, a batch at a time, in id order. */
    private void publishTheTable() throws IOException, SQLException, TimeoutException, InterruptedException {
        publisher.connect();
        committed.clear(); // those rows are in the table: published in id order below
        List<OutboxRow> claimed;
        do {
            claimed = table.claim(settings.owner(), settings.lease(), settings.batchSize());
            publishAndDelete(claimed);
        } while (claimed.size() == settings.batchSize());
    }

    private void publishAndDelete(List<OutboxRow> rows) throws IOException, SQLException, TimeoutException,
            InterruptedException {
        if (!rows.isEmpty()) {
            publisher.publish(rows);
            table.delete(rows.stream().map(OutboxRow::id).toList());
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (relay != null) {
            relay.interrupt();
            try {
                relay.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
