package io.microshop.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Logger;

/** Opens a database connection, waiting a bounded time for a database that is not up yet. */
public final class DatabaseConnector {

    private static final Logger LOG = Logger.getLogger(DatabaseConnector.class.getName());
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private final DatabaseSettings settings;

    public DatabaseConnector(DatabaseSettings settings) {
        this.settings = settings;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    /**
     * Tries until {@code patience} has passed; every distinct error is logged once.
     *
     * @throws SQLException the last error, once the time is up
     */
    public Connection connectWaiting(Duration patience) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        String lastReported = null;
        while (true) {
            try {
                return connect();
            } catch (SQLException e) {
                if (!Instant.now().plus(PAUSE).isBefore(deadline)) {
                    throw e;
                }
                String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                if (!Objects.equals(lastReported, reason)) {
                    lastReported = reason;
                    LOG.info("Waiting for " + settings.describe() + ": " + reason);
                }
                Thread.sleep(PAUSE.toMillis());
            }
        }
    }
}
