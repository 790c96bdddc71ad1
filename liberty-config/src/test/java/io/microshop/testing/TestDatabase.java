package io.microshop.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The integration-test database of the module under test (system properties it.db.url,
 * it.db.user, it.db.password, set by the build), for arranging and checking rows directly.
 */
public final class TestDatabase {

    private final String url;
    private final String user;
    private final String password;

    public TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static TestDatabase fromSystemProperties() {
        return new TestDatabase(required("it.db.url"), required("it.db.user"), required("it.db.password"));
    }

    /** The same server and credentials, another database (e.g. admin's from main's tests). */
    public TestDatabase database(String name) {
        return new TestDatabase(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user, password);
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long queryLong(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests with Maven");
        }
        return value;
    }
}
