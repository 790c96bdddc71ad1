package io.microshop.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The ids of the events a database has applied, recorded in the transaction that applies them. */
final class Inbox {

    private Inbox() {
    }

    /** @return false when the event was applied before (its id is already in the inbox) */
    static boolean firstDelivery(Connection db, UUID eventId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT IGNORE INTO inbox (event_id, applied_at) VALUES (?, UTC_TIMESTAMP(6))")) {
            insert.setString(1, eventId.toString());
            return insert.executeUpdate() == 1;
        }
    }
}
