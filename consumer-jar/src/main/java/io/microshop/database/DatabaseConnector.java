package io.microshop.database;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import io.microshop.retry.Retries;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;

/** Opens connections to one database, waiting a bounded time for a database that is not up yet. */
public final class DatabaseConnector {

    private static final Logger LOG = Logger.getLogger(DatabaseConnector.class.getName());

    private final DatabaseSettings settings;

    public DatabaseConnector(DatabaseSettings settings) {
        this.settings = settings;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    /**
     * Tries until {@code patience} has passed, with backoff; every distinct error is logged once.
     *
     * @throws SQLException the last error, once the time is up
     */
    public Connection connectWaiting(Duration patience) throws SQLException, InterruptedException {
        try {
            return Failsafe.with(Retries.<Connection>forAtMost(patience, settings.describe(),
                    failure -> failure instanceof SQLException, LOG)).get(this::connect);
        } catch (FailsafeException e) {
            Throwable last = Retries.cause(e);
            if (last instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw (SQLException) last;
        }
    }
}
