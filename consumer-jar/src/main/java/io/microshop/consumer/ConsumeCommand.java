package io.microshop.consumer;

import io.microshop.config.Environment;
import io.microshop.event.Topology;
import io.microshop.telemetry.Telemetry;

/**
 * {@code main-sync}: admin's product events into main's database; {@code admin-likes}: main's
 * likes into admin's database. Runs until SIGTERM, then finishes the batch in hand and closes.
 */
public final class ConsumeCommand {

    public static final String USAGE = """
            main-sync      apply admin's product events to main's database (queue %s)
              admin-likes    apply main's likes to admin's database (queue %s)
                Environment: %s; LOG_LEVEL, LOG_FORMAT (SIMPLE or JSON);
                OpenTelemetry's OTEL_* (off unless OTEL_SDK_DISABLED=false)""".formatted(Topology.PRODUCT_SYNC,
            Topology.LIKE_SYNC, ConsumerSettings.VARIABLES);

    private ConsumeCommand() {
    }

    /** @return the process's exit status */
    public static int run(Consumers consumer, Environment env) throws InterruptedException {
        ConsumerSettings settings;
        try {
            settings = ConsumerSettings.from(consumer, env);
        } catch (IllegalArgumentException e) {
            System.err.println(consumer.command() + ": " + e.getMessage());
            return 64;
        }
        return new RunningConsumer(consumer, settings, Telemetry.global(env, consumer.command())).run();
    }
}
