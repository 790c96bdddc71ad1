package io.microshop.consumer;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.failsafe.Failsafe;
import io.microshop.database.DatabaseConnector;
import io.microshop.event.Broker;
import io.microshop.event.Topology;
import io.microshop.failure.Failures;
import io.microshop.retry.Retries;
import io.microshop.telemetry.Telemetry;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * One consumer process from start to exit: its probes, the broker connection (waited for as long
 * as it takes), the subscription, and the shutdown on SIGTERM, shared by the main thread, the
 * probes and the shutdown hook.
 */
final class RunningConsumer {

    private static final Logger LOG = Logger.getLogger(RunningConsumer.class.getName());
    private static final Duration FINISH_THE_BATCH = Duration.ofSeconds(20);

    private final Consumers consumer;
    private final ConsumerSettings settings;
    private final Broker broker;
    private final DatabaseConnector databases;
    private final ConsumerStats stats = new ConsumerStats();
    private final Telemetry telemetry;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Connection connection;
    private volatile EventConsumer eventConsumer;
    private HealthServer health;

    RunningConsumer(Consumers consumer, ConsumerSettings settings, Telemetry telemetry) {
        this.consumer = consumer;
        this.settings = settings;
        this.telemetry = telemetry;
        this.broker = new Broker(settings.amqpUrl());
        this.databases = new DatabaseConnector(settings.database());
    }

    /** @return the process's exit status */
    int run() throws InterruptedException {
        String name = consumer.command();
        try {
            health = new HealthServer(settings.healthPort(), () -> List.of(liveness()),
                    () -> List.of(brokerCheck(), databaseCheck()), new ConsumerMetrics(consumer.queue(), stats));
        } catch (IOException e) {
            System.err.println(name + ": cannot serve health on port " + settings.healthPort() + ": " + e.getMessage());
            return 1;
        }
        health.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "shutdown"));
        LOG.info(name + " starting: " + broker.describe() + ", " + settings.database().describe() + ", health on :"
                + settings.healthPort() + ", telemetry " + (telemetry.on() ? "on" : "off"));
        try {
            connection = Failsafe.with(Retries.<Connection>untilAvailable(broker.describe(),
                    failure -> failure instanceof IOException, () -> stopping, LOG)).get(() -> broker.connect(name));
            LOG.info("Connected to " + broker.describe());
            Channel channel = connection.createChannel();
            Topology.declare(channel);
            channel.basicQos(settings.prefetch());
            EventConsumer started = new EventConsumer(new Subscription(channel, consumer.queue()), consumer.handlers(),
                    new DatabaseSession(databases), settings.batchSize(), settings.maxAttempts(), stats,
                    new ProcessSpans(telemetry.tracer(), consumer.queue(), settings.database()));
            eventConsumer = started;
            started.start();
        } catch (IOException | RuntimeException e) {
            if (stopping) {
                return 0;
            }
            LOG.severe(name + " cannot consume: " + Failures.describe(e instanceof RuntimeException failsafe
                    ? Retries.cause(failsafe) : e));
            shutdown();
            return 1;
        }
        done.await();
        return 0;
    }

    private HealthServer.Check liveness() {
        EventConsumer current = eventConsumer;
        boolean up = !stopping && (current == null || current.alive());
        return new HealthServer.Check("consumer", up,
                Json.createObjectBuilder().add("consuming", current != null && current.alive()).build());
    }

    private HealthServer.Check brokerCheck() {
        Connection current = connection;
        return new HealthServer.Check("broker", current != null && current.isOpen(), null);
    }

    private HealthServer.Check databaseCheck() {
        boolean up;
        try (java.sql.Connection probe = databases.connect()) {
            up = probe.isValid(2);
        } catch (SQLException e) {
            up = false;
        }
        JsonObjectBuilder data = Json.createObjectBuilder();
        for (Outcome outcome : Outcome.values()) {
            data.add(outcome.name().toLowerCase(Locale.ROOT), stats.of(outcome));
        }
        data.add("retried", stats.retriedCount()).add("deadLettered", stats.deadLetteredCount());
        return new HealthServer.Check("database", up, data.build());
    }

    private void shutdown() {
        if (stopping) {
            return;
        }
        stopping = true;
        LOG.info(consumer.command() + " stopping");
        try {
            EventConsumer current = eventConsumer;
            if (current != null) {
                current.stop(FINISH_THE_BATCH);
            }
            Connection open = connection;
            if (open != null) {
                open.abort(3000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (health != null) {
                health.stop();
            }
            telemetry.close();
            done.countDown();
            LOG.info(consumer.command() + " stopped");
        }
    }
}
