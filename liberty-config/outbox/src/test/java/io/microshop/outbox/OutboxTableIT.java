package io.microshop.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.microshop.database.DatabaseSettings;
import io.microshop.migration.Migration;
import io.microshop.migration.Schema;
import io.microshop.testing.TestDatabase;
import io.microshop.testing.TestProperties;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay's reading of the outbox table, on a real, migrated database: rows are claimed for a
 * lease instead of locked, so that nothing is locked while the relay waits for the broker, and
 * replicas still leave each other's rows alone until a lease runs out.
 */
class OutboxTableIT {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static TestDatabase rows;
    private static OutboxTable table;

    @BeforeAll
    static void migrate() throws Exception {
        rows = TestDatabase.recreated("admin_outbox_test");
        DatabaseSettings settings = new DatabaseSettings(TestProperties.required("it.db.host"),
                Integer.parseInt(TestProperties.required("it.db.port")), "admin_outbox_test",
                TestProperties.required("it.db.user"), TestProperties.required("it.db.password"), "PREFERRED");
        new Migration(Schema.ADMIN, settings).apply(Duration.ofSeconds(30));
        MysqlDataSource database = new MysqlDataSource();
        database.setUrl(settings.jdbcUrl());
        database.setUser(settings.user());
        database.setPassword(settings.password());
        table = new OutboxTable(database);
    }

    @BeforeEach
    void emptyTheOutbox() {
        rows.update("DELETE FROM outbox");
    }

    @Test
    void aRelayTakesItsOwnRowsInIdOrderAndNotThoseOfAReplicaWhoseLeaseRuns() throws Exception {
        long first = row("admin@pod-a", 30);
        long second = row("admin@pod-a", 30);
        row("admin@pod-b", 30);

        List<OutboxRow> claimed = table.claim("admin@pod-a", LEASE, 10);

        assertEquals(List.of(first, second), claimed.stream().map(OutboxRow::id).toList());
        assertEquals("product_created", claimed.get(0).eventType());
    }

    @Test
    void aRowWhoseLeaseRanOutOrThatNobodyClaimedIsTakenByAnyRelay() throws Exception {
        long abandoned = row("admin@crashed-pod", -5);
        long unclaimed = row(null, 0);

        List<OutboxRow> claimed = table.claim("admin@pod-a", LEASE, 10);

        assertEquals(List.of(abandoned, unclaimed), claimed.stream().map(OutboxRow::id).toList());
        assertEquals(List.of(), table.claim("admin@pod-b", LEASE, 10), "now pod-a's, for a lease");
    }

    @Test
    void aClaimTakesAtMostTheBatchAndTheRestStaysForTheNextOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            row(null, 0);
        }

        assertEquals(3, table.claim("admin@pod-a", LEASE, 3).size());
        assertEquals(3, table.claim("admin@pod-a", LEASE, 3).size(), "its own 3 again, as they are not deleted yet");
        assertEquals(5, table.claim("admin@pod-a", LEASE, 10).size());
    }

    @Test
    void claimedRowsAreNotLockedWhileTheRelayPublishesThem() throws Exception {
        row("admin@pod-a", 30);
        List<OutboxRow> claimed = table.claim("admin@pod-a", LEASE, 10);

        // As if the relay now waited for the broker's confirms: another transaction can lock the row at once.
        try (Connection other = rows.connect(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            try (ResultSet locked = statement.executeQuery("SELECT id FROM outbox WHERE id = " + claimed.get(0).id()
                    + " FOR UPDATE NOWAIT")) {
                assertTrue(locked.next());
            }
            other.rollback();
        }
    }

    @Test
    void publishedRowsAreDeletedAndTheBacklogCountsWhatIsLeft() throws Exception {
        long published = row("admin@pod-a", 30);
        row("admin@pod-a", 30);

        table.delete(List.of(published));

        OutboxTable.Backlog backlog = table.backlog();
        assertEquals(1, backlog.events());
        assertTrue(backlog.oldestSeconds() >= 0);
        assertEquals(1, rows.queryLong("SELECT COUNT(*) FROM outbox"));
    }

    /** An outbox row claimed by {@code owner} for {@code seconds} from now (null: claimed by nobody). */
    private static long row(String owner, int seconds) {
        rows.update("INSERT INTO outbox (event_id, event_type, product_id, version, occurred_at, payload, claimed_by,"
                        + " claimed_until) VALUES (?, 'product_created', 7, 1, UTC_TIMESTAMP(6), '{}', ?,"
                        + " IF(? IS NULL, NULL, UTC_TIMESTAMP(6) + INTERVAL ? SECOND))",
                UUID.randomUUID().toString(), owner, owner, seconds);
        return rows.queryLong("SELECT MAX(id) FROM outbox");
    }
}
