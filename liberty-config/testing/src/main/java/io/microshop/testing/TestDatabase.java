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
        return new TestDatabase(TestProperties.required("it.db.url"), TestProperties.required("it.db.user"), TestProperties.required("it.db.password"));
    }

    /**
     * A database of this name on the tests' server (it.db.host, it.db.port, it.db.user,
     * it.db.password), dropped and created empty: for tests that migrate a database of their own.
     */
    public static TestDatabase recreated(String name) {
        String server = "jdbc:mysql://" + TestProperties.required("it.db.host") + ":" + TestProperties.required("it.db.port");
        TestDatabase serverOnly = new TestDatabase(server + "/", TestProperties.required("it.db.user"), TestProperties.required("it.db.password"));
        serverOnly.update("DROP DATABASE IF EXISTS " + name);
        serverOnly.update("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new TestDatabase(server + "/" + name, TestProperties.required("it.db.user"), TestProperties.required("it.db.password"));
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

    /** The first column of the first row as text; null when there is no row. */
    public String queryString(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
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
}
