package io.microshop.consumer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.microshop.config.DatabaseConnector;
import io.microshop.event.Event;
import io.microshop.event.MalformedEventException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes events from one queue and applies them to one database, on one worker thread.
 * Deliveries are applied in batches (whatever has arrived, up to a limit), each batch in one
 * transaction that also records every event id in the inbox; the batch is acknowledged only after
 * that transaction commits. A redelivered event is recognised by the inbox and changes nothing.
 * <ul>
 * <li>A malformed message is rejected at once, so the queue dead-letters it.</li>
 * <li>While the database is unreachable the batch waits in hand (unacknowledged) and the worker
 *     retries with backoff for as long as it takes: the messages wait, nothing is dead-lettered.</li>
 * <li>Any other failure of a batch is retried event by event with backoff; an event that still
 *     fails after {@code maxAttempts} is dead-lettered and the rest go on.</li>
 * </ul>
 */
public final class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private record Delivery(long tag, byte[] body, String messageId) {
    }

    private record Parsed(Delivery delivery, Event event) {
    }

    /** The worker was asked to stop while it waited: leave the deliveries unacknowledged. */
    private static final class Stopping extends Exception {
        Stopping() {
            super(null, null, false, false);
        }
    }

    private final Channel channel;
    private final String queue;
    private final EventHandler handler;
    private final DatabaseConnector databases;
    private final int batchSize;
    private final int maxAttempts;
    private final ConsumerStats stats;
    private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile String consumerTag;
    private Connection db;

    public EventConsumer(Channel channel, String queue, EventHandler handler, DatabaseConnector databases,
                         int batchSize, int maxAttempts, ConsumerStats stats) {
        this.channel = channel;
        this.queue = queue;
        this.handler = handler;
        this.databases = databases;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.stats = stats;
        this.worker = new Thread(this::work, "consumer-" + queue);
    }

    public void start() throws IOException {
        worker.start();
        consumerTag = channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                received.add(new Delivery(envelope.getDeliveryTag(), body, properties.getMessageId()));
            }

            @Override
            public void handleCancel(String tag) {
                LOG.severe("The broker cancelled the consumer of " + queue + "; the process reports itself not live");
                running = false;
            }
        });
        LOG.info("Consuming " + queue);
    }

    /** Stops taking deliveries, lets the worker finish the batch in hand, and waits for it. */
    public void stop(Duration patience) throws InterruptedException {
        try {
            if (consumerTag != null && channel.isOpen()) {
                channel.basicCancel(consumerTag);
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine("cancel: " + e);
        }
        running = false;
        worker.join(patience.toMillis());
        closeDatabase();
    }

    public boolean alive() {
        return worker.isAlive() && running;
    }

    private void work() {
        List<Delivery> batch = new ArrayList<>(batchSize);
        try {
            while (running) {
                Delivery first = received.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                received.drainTo(batch, batchSize - 1);
                process(batch);
                batch.clear();
            }
        } catch (Stopping | InterruptedException e) {
            LOG.info("Stopped with " + (batch.size() + received.size()) + " unacknowledged deliveries; the broker redelivers them");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The consumer of " + queue + " failed", e);
            running = false;
        }
    }

    private void process(List<Delivery> batch) throws Stopping, InterruptedException {
        List<Parsed> events = new ArrayList<>(batch.size());
        for (Delivery delivery : batch) {
            try {
                events.add(new Parsed(delivery, Event.fromJson(delivery.body())));
            } catch (MalformedEventException e) {
                deadLetter(delivery, "malformed: " + e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        while (true) {
            try {
                List<Outcome> outcomes = applyInOneTransaction(events);
                acknowledge(events.get(events.size() - 1).delivery(), true);
                outcomes.forEach(stats::count);
                return;
            } catch (SQLException e) {
                if (!unreachable(e)) {
                    break;
                }
                awaitDatabase(e);
            } catch (MalformedEventException e) {
                break; // found out one by one below
            }
        }
        for (Parsed event : events) {
            applyAlone(event);
        }
    }

    private void applyAlone(Parsed event) throws Stopping, InterruptedException {
        int attempt = 1;
        while (true) {
            try {
                Outcome outcome = applyInOneTransaction(List.of(event)).get(0);
                acknowledge(event.delivery(), false);
                stats.count(outcome);
                return;
            } catch (MalformedEventException e) {
                deadLetter(event.delivery(), "cannot be applied: " + e.getMessage());
                return;
            } catch (SQLException | RuntimeException e) {
                if (e instanceof SQLException sql && unreachable(sql)) {
                    awaitDatabase(sql);
                    continue;
                }
                if (attempt >= maxAttempts) {
                    deadLetter(event.delivery(), "failed " + attempt + " times, last: " + e);
                    return;
                }
                stats.retried();
                LOG.warning("Event " + event.event().id() + " failed (attempt " + attempt + " of " + maxAttempts
                        + "), retrying: " + e);
                pause(backoff(attempt));
                attempt++;
            }
        }
    }

    private List<Outcome> applyInOneTransaction(List<Parsed> events) throws SQLException {
        Connection connection = database();
        try {
            List<Outcome> outcomes = new ArrayList<>(events.size());
            for (Parsed parsed : events) {
                outcomes.add(Inbox.firstDelivery(connection, parsed.event().id())
                        ? handler.apply(connection, parsed.event())
                        : Outcome.DUPLICATE);
            }
            connection.commit();
            return outcomes;
        } catch (SQLException | RuntimeException e) {
            rollback(connection);
            if (e instanceof SQLException sql && unreachable(sql)) {
                closeDatabase();
            }
            throw e;
        }
    }

    private Connection database() throws SQLException {
        if (db == null) {
            db = databases.connect();
            db.setAutoCommit(false);
        }
        return db;
    }

    private void awaitDatabase(SQLException cause) throws Stopping, InterruptedException {
        closeDatabase();
        LOG.warning("The database is unreachable; " + queue + " waits (nothing is acknowledged or dead-lettered): "
                + cause.getMessage());
        int attempt = 1;
        while (true) {
            pause(backoff(attempt++));
            try {
                database();
                LOG.info("The database is back; " + queue + " goes on");
                return;
            } catch (SQLException e) {
                closeDatabase();
            }
        }
    }

    private void pause(Duration duration) throws Stopping, InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            if (!running) {
                throw new Stopping();
            }
            Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    private static Duration backoff(int attempt) {
        Duration delay = Duration.ofMillis(100L << Math.min(attempt - 1, 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || (state != null && state.startsWith("08"));
    }

    private void acknowledge(Delivery delivery, boolean andEveryEarlier) {
        try {
            channel.basicAck(delivery.tag(), andEveryEarlier);
        } catch (IOException | RuntimeException e) {
            // The channel went down after the commit: the broker redelivers, the inbox recognises it.
            LOG.fine("ack after commit failed: " + e);
        }
    }

    private void deadLetter(Delivery delivery, String reason) {
        stats.deadLettered();
        LOG.warning("Dead-lettering message " + delivery.messageId() + " from " + queue + ": " + reason);
        try {
            channel.basicReject(delivery.tag(), false);
        } catch (IOException | RuntimeException e) {
            LOG.fine("reject failed: " + e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; it is replaced
        }
    }

    private void closeDatabase() {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
            db = null;
        }
    }
}
