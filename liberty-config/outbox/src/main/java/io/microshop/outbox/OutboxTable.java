package io.microshop.outbox;

import io.microshop.event.TraceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The outbox table, as the relay reads and empties it. Every statement commits on its own: no
 * lock is held while the relay waits for the broker. Replicas sharing the database do not
 * publish the same rows at once because a relay first claims rows for a lease: rows are born
 * claimed by the server that wrote them, and a relay takes only its own rows and those whose
 * lease has run out (a crashed or stopped replica's).
 */
final class OutboxTable {

    private static final String CLAIM = "UPDATE outbox"
            + " SET claimed_by = ?, claimed_until = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND"
            + " WHERE claimed_by = ? OR claimed_by IS NULL OR claimed_until IS NULL OR claimed_until < UTC_TIMESTAMP(6)"
            + " ORDER BY id LIMIT ?";
    private static final String CLAIMED = "SELECT id, event_id, event_type, occurred_at, payload, trace_parent,"
            + " trace_state FROM outbox"
            + " WHERE claimed_by = ? ORDER BY id LIMIT ?";
    private static final String BACKLOG = "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MIN(occurred_at),"
            + " UTC_TIMESTAMP(6)), 0) FROM outbox";

    /** How many events wait, and for how long the oldest has. */
    record Backlog(long events, long oldestSeconds) {
    }

    private final DataSource database;

    OutboxTable(DataSource database) {
        this.database = database;
    }

    /** Claims up to {@code limit} rows for {@code owner} for one lease and returns them in id order. */
    List<OutboxRow> claim(String owner, Duration lease, int limit) throws SQLException {
        try (Connection db = database.getConnection()) {
            db.setAutoCommit(true);
            try (PreparedStatement claim = db.prepareStatement(CLAIM)) {
                claim.setString(1, owner);
                claim.setLong(2, lease.toNanos() / 1000);
                claim.setString(3, owner);
                claim.setInt(4, limit);
                claim.executeUpdate();
            }
            List<OutboxRow> rows = new ArrayList<>();
            try (PreparedStatement claimed = db.prepareStatement(CLAIMED)) {
                claimed.setString(1, owner);
                claimed.setInt(2, limit);
                try (ResultSet row = claimed.executeQuery()) {
                    while (row.next()) {
                        // DATETIME columns hold UTC (every writer runs in UTC, the consumers' URL says so).
                        Instant occurredAt = row.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                        rows.add(new OutboxRow(row.getLong("id"), row.getString("event_id"),
                                row.getString("event_type"), occurredAt, row.getString("payload"),
                                new TraceContext(row.getString("trace_parent"), row.getString("trace_state"))));
                    }
                }
            }
            return rows;
        }
    }

    /** Deletes published rows, once the broker has confirmed them. */
    void delete(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        try (Connection db = database.getConnection();
             PreparedStatement delete = db.prepareStatement("DELETE FROM outbox WHERE id IN (" + marks + ")")) {
            db.setAutoCommit(true);
            for (int i = 0; i < ids.size(); i++) {
                delete.setLong(i + 1, ids.get(i));
            }
            delete.executeUpdate();
        }
    }

    Backlog backlog() throws SQLException {
        try (Connection db = database.getConnection(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(BACKLOG)) {
            rows.next();
            return new Backlog(rows.getLong(1), rows.getLong(2));
        }
    }
}
