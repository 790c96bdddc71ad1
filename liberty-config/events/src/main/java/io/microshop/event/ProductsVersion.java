package io.microshop.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The version of a database's products: how many committed transactions changed them (table
 * {@code products_version}). Every transaction that changes products writes a product event to the
 * outbox (admin's catalogue, main's likes) or applies one from the broker (the consumers), and
 * raises the version in that same transaction, just before it commits: whoever reads a version
 * sees every change committed before it, and a version read again is unchanged only if no
 * product changed in between. The services keep rendered product lists while it stays the same.
 *
 * <p>The count is kept in {@value #SLOTS} rows, one per database connection modulo {@value #SLOTS},
 * so that concurrent transactions seldom wait for each other's row lock; the version is their sum.
 * A change made any other way (a hand-written {@code UPDATE}) must run {@link #RAISE} too, or the
 * lists show it only once their rendering is older than its maximum age.
 */
public final class ProductsVersion {

    static final int SLOTS = 32;

    public static final String RAISE = "INSERT INTO products_version (slot, changes) VALUES (CONNECTION_ID() % "
            + SLOTS + ", 1) ON DUPLICATE KEY UPDATE changes = changes + 1";

    static final String READ = "SELECT COALESCE(SUM(changes), 0) FROM products_version";

    private ProductsVersion() {
    }

    /** Raises the version, inside the transaction of the change. */
    public static void raise(Connection db) throws SQLException {
        try (PreparedStatement raise = db.prepareStatement(RAISE)) {
            raise.executeUpdate();
        }
    }

    public static long read(Connection db) throws SQLException {
        try (PreparedStatement read = db.prepareStatement(READ); ResultSet sum = read.executeQuery()) {
            sum.next();
            return sum.getLong(1);
        }
    }
}
