package io.microshop.consumer.like;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microshop.consumer.Consumer;
import io.microshop.consumer.Outcome;
import io.microshop.event.ProductLiked;
import io.microshop.migration.MigratedDatabase;
import io.microshop.migration.Schema;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** admin-likes' database work on a real, migrated admin database: one more like per event, once. */
class LikeSyncIT {

    private static MigratedDatabase admin;
    private static Consumer consumer;

    @BeforeAll
    static void migrate() {
        admin = MigratedDatabase.of(Schema.ADMIN, "admin_consumer_test");
        consumer = new Consumer(admin, LikeSync.handlers());
    }

    @AfterAll
    static void close() {
        consumer.close();
    }

    @Test
    void eachLikeAddsOneToTheCountWhateverMainsCountSays() throws Exception {
        long id = product();

        assertEquals(List.of(Outcome.APPLIED, Outcome.APPLIED),
                consumer.apply(ProductLiked.now(id, 1, 1), ProductLiked.now(id, 2, 5)));

        assertEquals(2, likes(id));
    }

    @Test
    void aRedeliveredLikeCountsOnce() throws Exception {
        long id = product();
        ProductLiked like = ProductLiked.now(id, 3, 1);

        assertEquals(List.of(Outcome.APPLIED), consumer.apply(like));
        assertEquals(List.of(Outcome.DUPLICATE), consumer.apply(like));

        assertEquals(1, likes(id));
    }

    @Test
    void aLikeOfAProductAdminNoLongerHasIsAnOrphanAndRecordedAsApplied() throws Exception {
        ProductLiked orphan = ProductLiked.now(987_654_321L, 4, 1);

        assertEquals(List.of(Outcome.ORPHAN), consumer.apply(orphan));

        assertEquals(1, admin.rows().queryLong("SELECT COUNT(*) FROM inbox WHERE event_id = ?", orphan.id().toString()));
    }

    private static long product() {
        admin.rows().update("INSERT INTO products (title, image, likes) VALUES ('Liked', 'https://i.example.com/l.png', 0)");
        return admin.rows().queryLong("SELECT MAX(id) FROM products");
    }

    private static long likes(long id) {
        return admin.rows().queryLong("SELECT likes FROM products WHERE id = ?", id);
    }
}
