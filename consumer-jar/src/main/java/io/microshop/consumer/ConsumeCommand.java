package io.microshop.consumer;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.microshop.config.DatabaseConnector;
import io.microshop.config.DatabaseSettings;
import io.microshop.config.Environment;
import io.microshop.consumer.like.LikeSync;
import io.microshop.consumer.product.ProductSync;
import io.microshop.event.Broker;
import io.microshop.event.Topology;
import jakarta.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * {@code main-sync}: admin's product events into main's database; {@code admin-likes}: main's
 * likes into admin's database. Runs until SIGTERM, then finishes the batch in hand and closes.
 */
public final class ConsumeCommand {

    public static final String USAGE = """
            main-sync      apply admin's product events to main's database (queue %s)
              admin-likes    apply main's likes to admin's database (queue %s)
                Environment: AMQP_URL, DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, DB_SSL_MODE,
                HEALTH_PORT, PREFETCH, BATCH_SIZE, MAX_ATTEMPTS""".formatted(Topology.PRODUCT_SYNC, Topology.LIKE_SYNC);

    private static final Logger LOG = Logger.getLogger(ConsumeCommand.class.getName());

    private record Kind(String queue, String database, int healthPort, EventHandler handler) {
    }

    private ConsumeCommand() {
    }

    public static boolean handles(String command) {
        return kind(command) != null;
    }

    private static Kind kind(String command) {
        return switch (command) {
            case "main-sync" -> new Kind(Topology.PRODUCT_SYNC, "main", 8081, new ProductSync());
            case "admin-likes" -> new Kind(Topology.LIKE_SYNC, "admin", 8082, new LikeSync());
            default -> null;
        };
    }

    public static int run(String command, Environment env) throws InterruptedException {
        Kind kind = Objects.requireNonNull(kind(command));
        Broker broker;
        DatabaseSettings database;
        int healthPort;
        int prefetch;
        int batchSize;
        int maxAttempts;
        try {
            broker = new Broker(env.text("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F"));
            database = DatabaseSettings.from(env, kind.database());
            healthPort = env.integer("HEALTH_PORT", kind.healthPort());
            prefetch = env.integer("PREFETCH", 500);
            batchSize = env.integer("BATCH_SIZE", 200);
            maxAttempts = env.integer("MAX_ATTEMPTS", 5);
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            return 64;
        }
        ConsumerStats stats = new ConsumerStats();
        DatabaseConnector databases = new DatabaseConnector(database);
        Process process = new Process(command);
        HealthServer health;
        try {
            health = new HealthServer(healthPort,
                    () -> List.of(process.liveness()),
                    () -> List.of(process.broker(), process.database(databases, stats)));
        } catch (IOException e) {
            System.err.println(command + ": cannot serve health on port " + healthPort + ": " + e.getMessage());
            return 1;
        }
        health.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.shutdown(health), "shutdown"));
        LOG.info(command + " starting: " + broker.describe() + ", " + database.describe() + ", health on :" + healthPort);
        try {
            Connection connection = process.connect(broker);
            Channel channel = connection.createChannel();
            Topology.declare(channel);
            channel.basicQos(prefetch);
            process.consume(new EventConsumer(channel, kind.queue(), kind.handler(), databases, batchSize,
                    maxAttempts, stats));
        } catch (IOException e) {
            LOG.severe(command + " cannot consume: " + e.getMessage());
            process.shutdown(health);
            return 1;
        } catch (Process.Stopped e) {
            return 0;
        }
        process.awaitShutdown();
        return 0;
    }

    /** The state of the running consumer process, shared by its main thread, probes and shutdown hook. */
    private static final class Process {

        static final class Stopped extends Exception {
            Stopped() {
                super(null, null, false, false);
            }
        }

        private final String name;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean stopping;
        private volatile Connection connection;
        private volatile EventConsumer consumer;

        Process(String name) {
            this.name = name;
        }

        /** Connects, retrying with backoff until the broker answers or the process is stopped. */
        Connection connect(Broker broker) throws Stopped, InterruptedException {
            String lastReported = null;
            long pause = 500;
            while (!stopping) {
                try {
                    connection = broker.connect(name);
                    LOG.info("Connected to " + broker.describe());
                    return connection;
                } catch (IOException e) {
                    String reason = String.valueOf(e.getMessage());
                    if (!reason.equals(lastReported)) {
                        lastReported = reason;
                        LOG.warning("Waiting for " + broker.describe() + ": " + reason);
                    }
                    Thread.sleep(pause);
                    pause = Math.min(pause * 2, 5000);
                }
            }
            throw new Stopped();
        }

        void consume(EventConsumer started) throws IOException {
            consumer = started;
            started.start();
        }

        HealthServer.Check liveness() {
            EventConsumer current = consumer;
            boolean up = !stopping && (current == null || current.alive());
            return new HealthServer.Check("consumer", up,
                    Json.createObjectBuilder().add("consuming", current != null && current.alive()).build());
        }

        HealthServer.Check broker() {
            Connection current = connection;
            return new HealthServer.Check("broker", current != null && current.isOpen(), null);
        }

        HealthServer.Check database(DatabaseConnector databases, ConsumerStats stats) {
            boolean up;
            try (java.sql.Connection probe = databases.connect()) {
                up = probe.isValid(2);
            } catch (java.sql.SQLException e) {
                up = false;
            }
            var data = Json.createObjectBuilder();
            for (Outcome outcome : Outcome.values()) {
                data.add(outcome.name().toLowerCase(java.util.Locale.ROOT), stats.of(outcome));
            }
            data.add("retried", stats.retriedCount()).add("deadLettered", stats.deadLetteredCount());
            return new HealthServer.Check("database", up, data.build());
        }

        void shutdown(HealthServer health) {
            if (stopping) {
                return;
            }
            stopping = true;
            LOG.info(name + " stopping");
            try {
                EventConsumer current = consumer;
                if (current != null) {
                    current.stop(Duration.ofSeconds(20));
                }
                Connection current2 = connection;
                if (current2 != null) {
                    current2.abort(3000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                health.stop();
                done.countDown();
                LOG.info(name + " stopped");
            }
        }

        void awaitShutdown() throws InterruptedException {
            done.await();
        }
    }
}
