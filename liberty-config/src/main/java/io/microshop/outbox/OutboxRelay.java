package io.microshop.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.microshop.event.Broker;
import io.microshop.event.EventType;
import io.microshop.event.Topology;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the outbox: in id order (which is commit order for the events of one product, as
 * their transactions lock the product row), with publisher confirms, deleting rows only once the
 * broker has confirmed them. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas
 * of a service never publish the same batch at once. Woken right after each commit, and polled
 * as a safety net; while the broker is away, writes go on and the rows wait.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final String CLAIM = "SELECT id, event_id, event_type, occurred_at, payload FROM outbox"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

    @Resource(lookup = "jdbc/shop")
    DataSource database;

    @Resource
    ManagedScheduledExecutorService executor;

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

    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile long retryNotBefore;
    private volatile String failure;
    private volatile boolean stopped;
    private ScheduledFuture<?> poll;
    private Broker broker;
    private Connection connection;
    private Channel channel;

    void start(@Observes Startup startup) {
        broker = new Broker(brokerUrl);
        poll = executor.scheduleWithFixedDelay(this::drain, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Called after a transaction that wrote to the outbox committed. */
    public void wake() {
        if (!stopped && wakePending.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakePending.set(false);
                drain();
            });
        }
    }

    /** Whether the relay holds an open connection to the broker. */
    public boolean connected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    /** Why the last attempt to publish failed, or null when it did not. */
    public String failure() {
        return failure;
    }

    void drain() {
        drainAgain.set(true);
        while (drainAgain.get() && !stopped && System.currentTimeMillis() >= retryNotBefore && draining.tryLock()) {
            try {
                drainAgain.set(false);
                while (publishBatch() == batchSize) {
                    // a full batch: there may be more
                }
                recovered();
            } catch (IOException | SQLException | TimeoutException | InterruptedException | RuntimeException e) {
                failed(e);
            } finally {
                draining.unlock();
            }
        }
    }

    private int publishBatch() throws IOException, SQLException, TimeoutException, InterruptedException {
        try (java.sql.Connection db = database.getConnection()) {
            db.setAutoCommit(false);
            try {
                List<Long> published = new ArrayList<>();
                try (PreparedStatement claim = db.prepareStatement(CLAIM)) {
                    claim.setInt(1, batchSize);
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            publish(rows);
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

    private void publish(ResultSet row) throws SQLException, IOException {
        String type = row.getString("event_type");
        EventType eventType = EventType.fromWireName(type)
                .orElseThrow(() -> new IllegalStateException("outbox row of unknown type " + type));
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .messageId(row.getString("event_id"))
                .type(type)
                .timestamp(Date.from(row.getTimestamp("occurred_at").toInstant()))
                .appId(serviceName)
                .build();
        openChannel().basicPublish(eventType.exchange(), eventType.routingKey(), properties,
                row.getString("payload").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void delete(java.sql.Connection db, List<Long> ids) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
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
        if (failure != null) {
            LOG.info("Outbox relay publishes again");
            failure = null;
        }
    }

    private void failed(Exception e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!reason.equals(failure)) {
            LOG.log(Level.WARNING, "Outbox relay cannot publish, events wait in the outbox (retrying every "
                    + pollMillis + " ms): " + reason);
        }
        failure = reason;
        retryNotBefore = System.currentTimeMillis() + pollMillis;
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
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

    @PreDestroy
    void stop() {
        stopped = true;
        if (poll != null) {
            poll.cancel(false);
        }
        draining.lock();
        try {
            if (connection != null) {
                connection.abort(2000);
            }
        } finally {
            draining.unlock();
        }
    }
}
