package io.microshop.consumer.product;

import io.microshop.consumer.EventHandlers;
import io.microshop.consumer.Outcome;
import io.microshop.event.ProductCreated;
import io.microshop.event.ProductDeleted;
import io.microshop.event.ProductUpdated;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Keeps main's copy of the catalogue: applies admin's product events by version. A product
 * event carries the product's whole state, so a newer version simply wins; an older one is
 * stale. A deletion leaves a tombstone with its version, so a create or update that arrives
 * after it cannot bring the product back. Main's like count is main's own and never touched.
 */
public final class ProductSync {

    /**
     * One statement: insert the product unless a tombstone at least as new exists; if main has
     * it, take title and image only from a newer version (assignments run left to right, so
     * {@code version} is compared before it is raised).
     */
    private static final String UPSERT = "INSERT INTO products (id, title, image, likes, version)"
            + " SELECT ?, ?, ?, 0, ? FROM DUAL"
            + " WHERE NOT EXISTS (SELECT 1 FROM product_tombstones WHERE id = ? AND version >= ?)"
            + " ON DUPLICATE KEY UPDATE"
            + " title = IF(VALUES(version) > version, VALUES(title), title),"
            + " image = IF(VALUES(version) > version, VALUES(image), image),"
            + " version = GREATEST(version, VALUES(version))";

    private ProductSync() {
    }

    public static EventHandlers handlers() {
        return new EventHandlers()
                .on(ProductCreated.class, (db, created) -> upsert(db, created.productId(), created.version(),
                        created.title(), created.image()))
                .on(ProductUpdated.class, (db, updated) -> upsert(db, updated.productId(), updated.version(),
                        updated.title(), updated.image()))
                .on(ProductDeleted.class, ProductSync::delete);
    }

    private static Outcome upsert(Connection db, long id, long version, String title, String image)
            throws SQLException {
        int changed = update(db, UPSERT, id, title, image, version, id, version);
        return changed == 0 ? Outcome.STALE : Outcome.APPLIED;
    }

    private static Outcome delete(Connection db, ProductDeleted deleted) throws SQLException {
        OptionalLong current = version(db, deleted.productId());
        if (current.isPresent() && current.getAsLong() >= deleted.version()) {
            return Outcome.STALE;
        }
        update(db, "DELETE FROM products WHERE id = ?", deleted.productId());
        update(db, "INSERT INTO product_tombstones (id, version) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE version = GREATEST(version, VALUES(version))",
                deleted.productId(), deleted.version());
        return Outcome.APPLIED;
    }

    private static OptionalLong version(Connection db, long id) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT version FROM products WHERE id = ? FOR UPDATE")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static int update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
