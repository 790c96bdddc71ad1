package io.microshop.migration;

import io.microshop.config.Environment;
import io.microshop.database.DatabaseSettings;
import io.microshop.failure.Failures;
import java.time.Duration;
import java.util.List;

/** {@code migrate admin|main}: the step that owns the schema, locally, in tests and as a Kubernetes Job. */
public final class MigrateCommand {

    public static final String USAGE = "migrate admin|main    apply the database's Liquibase changelog"
            + " (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, DB_SSL_MODE, DB_WAIT_SECONDS)";

    private MigrateCommand() {
    }

    public static int run(List<String> arguments, Environment env) {
        if (arguments.size() != 1 || Schema.named(arguments.get(0)).isEmpty()) {
            System.err.println("usage: " + USAGE);
            return 64;
        }
        Schema schema = Schema.named(arguments.get(0)).orElseThrow();
        DatabaseSettings settings;
        Duration patience;
        try {
            settings = DatabaseSettings.from(env, schema.databaseName());
            patience = env.seconds("DB_WAIT_SECONDS", 60);
        } catch (IllegalArgumentException e) {
            System.err.println("migrate " + schema.databaseName() + ": " + e.getMessage());
            return 64;
        }
        long started = System.nanoTime();
        try {
            int applied = new Migration(schema, settings).apply(patience);
            System.out.printf("migrate %s: %s on %s (%.1f s)%n", schema.databaseName(),
                    applied == 0 ? "already up to date" : applied + " change set(s) applied",
                    settings.describe(), (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("migrate " + schema.databaseName() + ": interrupted");
            return 1;
        } catch (Exception e) {
            System.err.println("migrate " + schema.databaseName() + " failed on " + settings.describe() + ": "
                    + Failures.describe(e));
            return 1;
        }
    }
}
