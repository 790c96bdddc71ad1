package io.microshop.consumer;

import io.microshop.database.DatabaseConnector;
import java.sql.Connection;
import java.sql.SQLException;

/** The worker's one connection to its database, opened when needed and replaced once it breaks. */
final class DatabaseSession implements AutoCloseable {

    private final DatabaseConnector databases;
    private Connection connection;

    DatabaseSession(DatabaseConnector databases) {
        this.databases = databases;
    }

    Connection connection() throws SQLException {
        if (connection == null) {
            Connection opened = databases.connect();
            opened.setAutoCommit(false);
            connection = opened;
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
            connection = null;
        }
    }
}
