package io.microshop.consumer.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microshop.consumer.Consumer;
import io.microshop.consumer.Outcome;
import io.microshop.event.ProductCreated;
import io.microshop.event.ProductDeleted;
import io.microshop.event.ProductUpdated;
import io.microshop.migration.MigratedDatabase;
import io.microshop.migration.Schema;
import io.microshop.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** main-sync's database work on a real, migrated main database: versions win, tombstones hold. */
class ProductSyncIT {

    private static final AtomicLong IDS = new AtomicLong(1000);
    private static MigratedDatabase main;
    private static Consumer consumer;

    @BeforeAll
    static void migrate() {
        main = MigratedDatabase.of(Schema.MAIN, "main_consumer_test");
        consumer = new Consumer(main, ProductSync.handlers());
    }

    @AfterAll
    static void close() {
        consumer.close();
    }

    @Test
    void aCreatedProductIsCopiedWithNoLikesAndANewerUpdateReplacesItsTitleAndImage() throws Exception {
        long id = IDS.incrementAndGet();

        assertEquals(List.of(Outcome.APPLIED), consumer.apply(created(id, 1, "Mug")));
        assertEquals(List.of(Outcome.APPLIED), consumer.apply(updated(id, 2, "Tea mug")));

        assertEquals("Tea mug | https://images.example.com/Tea mug.png | 0 | 2", row(id));
    }

    @Test
    void anOlderVersionIsStaleWhateverOrderTheyArriveIn() throws Exception {
        long id = IDS.incrementAndGet();

        assertEquals(List.of(Outcome.APPLIED, Outcome.STALE, Outcome.STALE),
                consumer.apply(updated(id, 3, "Version 3"), created(id, 1, "Version 1"), updated(id, 2, "Version 2")));

        assertEquals("Version 3 | https://images.example.com/Version 3.png | 0 | 3", row(id));
    }

    @Test
    void anUpdateNeverTouchesTheLikesMainCounted() throws Exception {
        long id = IDS.incrementAndGet();
        consumer.apply(created(id, 1, "Liked"));
        rows().update("UPDATE products SET likes = 7 WHERE id = ?", id);

        consumer.apply(updated(id, 2, "Still liked"));

        assertEquals("Still liked | https://images.example.com/Still liked.png | 7 | 2", row(id));
    }

    @Test
    void aDeletionLeavesATombstoneSoALateCreateOrUpdateCannotBringTheProductBack() throws Exception {
        long id = IDS.incrementAndGet();
        consumer.apply(created(id, 1, "Doomed"));

        assertEquals(List.of(Outcome.APPLIED, Outcome.STALE, Outcome.STALE),
                consumer.apply(ProductDeleted.now(id, 3), updated(id, 2, "Back?"), created(id, 1, "Back?")));

        assertEquals(0, rows().queryLong("SELECT COUNT(*) FROM products WHERE id = ?", id));
        assertEquals(3, rows().queryLong("SELECT version FROM product_tombstones WHERE id = ?", id));
    }

    @Test
    void aDeletionThatArrivesBeforeItsCreateStillWins() throws Exception {
        long id = IDS.incrementAndGet();

        assertEquals(List.of(Outcome.APPLIED, Outcome.STALE), consumer.apply(ProductDeleted.now(id, 2), created(id, 1, "Late")));

        assertEquals(0, rows().queryLong("SELECT COUNT(*) FROM products WHERE id = ?", id));
    }

    @Test
    void anOlderDeletionOfAProductMainHoldsANewerVersionOfIsStale() throws Exception {
        long id = IDS.incrementAndGet();
        consumer.apply(created(id, 1, "Mug"), updated(id, 3, "Mug v3"));

        assertEquals(List.of(Outcome.STALE), consumer.apply(ProductDeleted.now(id, 2)));

        assertEquals("Mug v3 | https://images.example.com/Mug v3.png | 0 | 3", row(id));
    }

    @Test
    void theSameEventAppliedTwiceIsADuplicateTheSecondTime() throws Exception {
        long id = IDS.incrementAndGet();
        ProductCreated created = created(id, 1, "Once");
        ProductUpdated renamed = updated(id, 2, "Renamed");

        assertEquals(List.of(Outcome.APPLIED, Outcome.APPLIED, Outcome.DUPLICATE), consumer.apply(created, renamed, renamed));
        assertEquals(List.of(Outcome.DUPLICATE), consumer.apply(created));

        assertEquals("Renamed | https://images.example.com/Renamed.png | 0 | 2", row(id));
        assertEquals(1, rows().queryLong("SELECT COUNT(*) FROM inbox WHERE event_id = ?", renamed.id().toString()));
    }

    private static ProductCreated created(long id, long version, String title) {
        return ProductCreated.now(id, version, title, "https://images.example.com/" + title + ".png");
    }

    private static ProductUpdated updated(long id, long version, String title) {
        return ProductUpdated.now(id, version, title, "https://images.example.com/" + title + ".png");
    }

    private static TestDatabase rows() {
        return main.rows();
    }

    private static String row(long id) throws Exception {
        try (var db = rows().connect(); var select = db.prepareStatement(
                "SELECT title, image, likes, version FROM products WHERE id = ?")) {
            select.setLong(1, id);
            try (var row = select.executeQuery()) {
                return row.next() ? row.getString(1) + " | " + row.getString(2) + " | " + row.getInt(3) + " | "
                        + row.getLong(4) : "no product " + id;
            }
        }
    }
}
