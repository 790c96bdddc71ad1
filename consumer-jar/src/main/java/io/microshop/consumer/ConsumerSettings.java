package io.microshop.consumer;

import io.microshop.config.Environment;
import io.microshop.database.DatabaseSettings;

/** A consumer's settings, from the environment, each with a local default. */
record ConsumerSettings(String amqpUrl, DatabaseSettings database, int healthPort, int prefetch, int batchSize,
                        int maxAttempts) {

    static final String VARIABLES = "AMQP_URL, DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, DB_SSL_MODE,"
            + " HEALTH_PORT, PREFETCH, BATCH_SIZE, MAX_ATTEMPTS";

    /** @throws IllegalArgumentException naming the variable whose value is not valid */
    static ConsumerSettings from(Consumers consumer, Environment env) {
        return new ConsumerSettings(
                env.text("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F"),
                DatabaseSettings.from(env, consumer.database()),
                env.positive("HEALTH_PORT", consumer.healthPort()),
                env.positive("PREFETCH", 500),
                env.positive("BATCH_SIZE", 200),
                env.positive("MAX_ATTEMPTS", 5));
    }
}
