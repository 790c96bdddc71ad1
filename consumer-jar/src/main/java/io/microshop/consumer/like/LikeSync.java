package io.microshop.consumer.like;

import io.microshop.consumer.EventHandler;
import io.microshop.consumer.Outcome;
import io.microshop.event.Event;
import io.microshop.event.EventType;
import io.microshop.event.MalformedEventException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Counts main's likes in admin's catalogue, one atomic increment per like event (the inbox
 * makes a redelivered like count once). A like for a product admin no longer has is an orphan:
 * acknowledged and counted, never an error.
 */
public final class LikeSync implements EventHandler {

    private static final Logger LOG = Logger.getLogger(LikeSync.class.getName());

    @Override
    public Outcome apply(Connection db, Event event) throws SQLException {
        if (event.type() != EventType.PRODUCT_LIKED) {
            throw new MalformedEventException("the like sync does not take " + event.type().wireName());
        }
        try (PreparedStatement increment = db.prepareStatement("UPDATE products SET likes = likes + 1 WHERE id = ?")) {
            increment.setLong(1, event.productId());
            if (increment.executeUpdate() == 1) {
                return Outcome.APPLIED;
            }
        }
        LOG.info("Like " + event.id() + " is for product " + event.productId() + ", which admin no longer has");
        return Outcome.ORPHAN;
    }
}
