package io.microshop.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.microshop.event.Broker;
import io.microshop.event.EventType;
import io.microshop.event.Topology;
import io.microshop.outbox.OutboxMessage.Committed;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the outbox, on one thread of its own, with publisher confirms, deleting rows only
 * once the broker has confirmed them.
 * <ul>
 * <li>Fast path: the rows of each committed transaction arrive in memory, in commit order (which
 *     is version order for the events of one product, as their transactions lock the product
 *     row); they are published at once, in batches of whatever has arrived, and deleted with one
 *     statement per batch.</li>
 * <li>Safety net: when nothing has arrived for a poll interval, and after any failure, the
 *     relay reads the table in id order ({@code FOR UPDATE SKIP LOCKED}, so that replicas do not
 *     take the same rows at once) and publishes what is there: rows a crashed process left
 *     behind, and everything written while the broker was away. While it fails, the fast path
 *     is off and the table alone is the queue.</li>
 * </ul>
 * Either path may publish a row the other has published (a crash between confirm and delete,
 * two replicas): consumers recognise the event id, so a duplicate changes nothing.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int HAND_OVER_CAPACITY = 10_000;
    private static final String CLAIM = "SELECT id, event_id, event_type, occurred_at, payload FROM outbox"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

    @Resource(lookup = "jdbc/shop")
    DataSource database;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "amqp.url", defaultValue = "amqp://guest:guest@localhost:5672/%2F")
    String brokerUrl;

    @Inject
    @ConfigProperty(name = "service.name")
    String serviceName;

    @Inject
    @ConfigProperty(name = "outbox.poll-ms", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "outbox.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "outbox.confirm-timeout-ms", defaultValue = "5000")
    long confirmTimeoutMillis;

    private final BlockingQueue<Committed> handedOver = new LinkedBlockingQueue<>(HAND_OVER_CAPACITY);
    private volatile String failure = "not connected yet";
    private volatile boolean stopped;
    private Thread relay;
    private Broker broker;
    private Connection connection;
    private Channel channel;

    void start(@Observes Startup startup) {
        broker = new Broker(brokerUrl);
        relay = threads.newThread(this::run);
        relay.setName("outbox-relay");
        relay.setDaemon(true);
        relay.start();
    }

    /** Called after a transaction that wrote to the outbox committed, with its rows. */
    void committed(List<Committed> rows) {
        if (failure == null) {
            for (Committed row : rows) {
                if (!handedOver.offer(row)) {
                    return; // the rows are in the table: the safety net publishes them
                }
            }
        }
    }

    /** Whether the relay holds an open connection to the broker. */
    public boolean connected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    /** Why the last attempt to publish failed, or null when it did not. */
    public String failure() {
        String current = failure;
        return "not connected yet".equals(current) && connected() ? null : current;
    }

    private void run() {
        List<Committed> batch = new ArrayList<>(batchSize);
        long lastScan = 0;
        while (!stopped) {
            try {
                boolean scanDue = System.nanoTime() - lastScan >= TimeUnit.MILLISECONDS.toNanos(pollMillis);
                Committed first = failure == null && !scanDue ? handedOver.poll(pollMillis, TimeUnit.MILLISECONDS) : null;
                if (first != null) {
                    batch.add(first);
                    handedOver.drainTo(batch, batchSize - 1);
                    publishHandedOver(batch);
                } else {
                    lastScan = System.nanoTime();
                    handedOver.clear(); // those rows are in the table: published in id order below
                    while (publishFromTable() == batchSize) {
                        // a full batch: there may be more
                    }
                    recovered();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | SQLException | TimeoutException | RuntimeException e) {
                failed(e);
                handedOver.clear(); // in the table too; the safety net takes over
                pause();
            } finally {
                batch.clear();
            }
        }
    }

    private void publishHandedOver(List<Committed> batch) throws IOException, SQLException, TimeoutException,
            InterruptedException {
        for (Committed row : batch) {
            publish(row.eventId(), row.eventType(), row.occurredAt().toEpochMilli(), row.payload());
        }
        channel.waitForConfirmsOrDie(confirmTimeoutMillis);
        try (java.sql.Connection db = database.getConnection()) {
            delete(db, batch.stream().map(Committed::id).toList());
        }
    }

    private int publishFromTable() throws IOException, SQLException, TimeoutException, InterruptedException {
        openChannel();
        try (java.sql.Connection db = database.getConnection()) {
            db.setAutoCommit(false);
            try {
                List<Long> published = new ArrayList<>();
                try (PreparedStatement claim = db.prepareStatement(CLAIM)) {
                    claim.setInt(1, batchSize);
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            publish(rows.getString("event_id"), rows.getString("event_type"),
                                    rows.getTimestamp("occurred_at").getTime(), rows.getString("payload"));
                            published.add(rows.getLong("id"));
                        }
                    }
                }
                if (!published.isEmpty()) {
                    channel.waitForConfirmsOrDie(confirmTimeoutMillis);
                    delete(db, published);
                }
                db.commit();
                return published.size();
            } catch (IOException | SQLException | TimeoutException | InterruptedException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    private void publish(String eventId, String type, long occurredAtMillis, String payload) throws IOException {
        EventType eventType = EventType.fromWireName(type)
                .orElseThrow(() -> new IllegalStateException("outbox row of unknown type " + type));
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .messageId(eventId)
                .type(type)
                .timestamp(new Date(occurredAtMillis))
                .appId(serviceName)
                .build();
        openChannel().basicPublish(eventType.exchange(), eventType.routingKey(), properties,
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static void delete(java.sql.Connection db, List<Long> ids) throws SQLException {
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM outbox WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                delete.setLong(i + 1, ids.get(i));
            }
            delete.executeUpdate();
        }
    }

    private Channel openChannel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        if (connection == null) {
            connection = broker.connect(serviceName + "-outbox-relay");
            LOG.info("Outbox relay connected to " + broker.describe());
        }
        if (!connection.isOpen()) {
            throw new IOException("the connection to " + broker.describe() + " is down; recovering");
        }
        Channel opened = connection.createChannel();
        opened.confirmSelect();
        Topology.declare(opened);
        channel = opened;
        return opened;
    }

    private void recovered() {
        String previous = failure;
        if (previous != null) {
            failure = null;
            if (!"not connected yet".equals(previous)) {
                LOG.info("Outbox relay publishes again");
            }
        }
    }

    private void failed(Exception e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!reason.equals(failure)) {
            LOG.log(Level.WARNING, "Outbox relay cannot publish, events wait in the outbox (retrying every "
                    + pollMillis + " ms): " + reason);
        }
        failure = reason;
        Channel broken = channel;
        channel = null;
        if (broken != null) {
            try {
                broken.abort();
            } catch (IOException | RuntimeException ignored) {
                // the channel is being discarded either way
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollMillis);
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
        if (connection != null) {
            connection.abort(2000);
        }
    }
}
