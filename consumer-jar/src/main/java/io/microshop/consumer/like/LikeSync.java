package io.microshop.consumer.like;

import io.microshop.consumer.EventHandlers;
import io.microshop.consumer.Outcome;
import io.microshop.event.ProductLiked;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Counts main's likes in admin's catalogue, one atomic increment per like event (the inbox
 * makes a redelivered like count once). A like for a product admin no longer has is an orphan:
 * acknowledged and counted, never an error.
 */
public final class LikeSync {

    private static final Logger LOG = Logger.getLogger(LikeSync.class.getName());

    private LikeSync() {
    }

    public static EventHandlers handlers() {
        return new EventHandlers().on(ProductLiked.class, LikeSync::count);
    }

    static Outcome count(Connection db, ProductLiked like) throws SQLException {
        try (PreparedStatement increment = db.prepareStatement("UPDATE products SET likes = likes + 1 WHERE id = ?")) {
            increment.setLong(1, like.productId());
            if (increment.executeUpdate() == 1) {
                return Outcome.APPLIED;
            }
        }
        LOG.info("Like " + like.id() + " is for product " + like.productId() + ", which admin no longer has");
        return Outcome.ORPHAN;
    }
}
