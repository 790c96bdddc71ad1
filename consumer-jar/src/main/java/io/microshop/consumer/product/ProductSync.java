package io.microshop.consumer.product;

import io.microshop.consumer.EventHandler;
import io.microshop.consumer.Outcome;
import io.microshop.event.Event;
import io.microshop.event.MalformedEventException;
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
public final class ProductSync implements EventHandler {

    @Override
    public Outcome apply(Connection db, Event event) throws SQLException {
        return switch (event.type()) {
            case PRODUCT_CREATED, PRODUCT_UPDATED -> upsert(db, event);
            case PRODUCT_DELETED -> delete(db, event);
            default -> throw new MalformedEventException("the product sync does not take " + event.type().wireName());
        };
    }

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

    private Outcome upsert(Connection db, Event event) throws SQLException {
        int changed = update(db, UPSERT, event.productId(), event.title(), event.image(), event.version(),
                event.productId(), event.version());
        return changed == 0 ? Outcome.STALE : Outcome.APPLIED;
    }

    private Outcome delete(Connection db, Event event) throws SQLException {
        OptionalLong current = version(db, "SELECT version FROM products WHERE id = ? FOR UPDATE", event.productId());
        if (current.isPresent() && current.getAsLong() >= event.version()) {
            return Outcome.STALE;
        }
        update(db, "DELETE FROM products WHERE id = ?", event.productId());
        update(db, "INSERT INTO product_tombstones (id, version) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE version = GREATEST(version, VALUES(version))",
                event.productId(), event.version());
        return Outcome.APPLIED;
    }

    private static OptionalLong version(Connection db, String sql, long id) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
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
