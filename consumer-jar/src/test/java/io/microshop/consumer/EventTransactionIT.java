package io.microshop.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microshop.consumer.product.ProductSync;
import io.microshop.event.ProductCreated;
import io.microshop.event.ProductDeleted;
import io.microshop.event.ProductsVersion;
import io.microshop.migration.MigratedDatabase;
import io.microshop.migration.Schema;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

/**
 * A batch is all or nothing: a failure part-way leaves neither its changes nor its inbox rows. A
 * batch that changed products raises the products' version; one that changed nothing does not.
 */
class EventTransactionIT {

    @Test
    void aBatchThatChangedProductsRaisesTheirVersionAndARedeliveryDoesNot() throws Exception {
        MigratedDatabase main = MigratedDatabase.of(Schema.MAIN, "main_version_test");
        ProductCreated created = ProductCreated.now(1, 1, "Mug", "https://images.example.com/mug.png");

        try (Consumer consumer = new Consumer(main, ProductSync.handlers())) {
            long before = version(main);
            consumer.apply(created, ProductCreated.now(2, 1, "Cup", "https://images.example.com/cup.png"));
            long applied = version(main);
            assertEquals(java.util.List.of(Outcome.DUPLICATE), consumer.apply(created));
            assertEquals(java.util.List.of(Outcome.STALE),
                    consumer.apply(ProductCreated.now(2, 1, "Cup again", "https://images.example.com/cup.png")));

            assertEquals(before + 1, applied, "one raise for the batch");
            assertEquals(applied, version(main), "nothing applied, nothing raised");
        }
    }

    private static long version(MigratedDatabase database) throws SQLException {
        try (java.sql.Connection db = database.rows().connect()) {
            return ProductsVersion.read(db);
        }
    }

    @Test
    void aFailureInTheMiddleOfABatchRollsBackEveryEventOfIt() throws Exception {
        MigratedDatabase main = MigratedDatabase.of(Schema.MAIN, "main_transaction_test");
        EventHandlers failingOnDelete = ProductSync.handlers().on(ProductDeleted.class, (db, deleted) -> {
            throw new SQLSyntaxErrorException("a fault", "42000");
        });
        ProductCreated created = ProductCreated.now(1, 1, "Mug", "https://images.example.com/mug.png");

        try (Consumer consumer = new Consumer(main, failingOnDelete)) {
            assertThrows(SQLException.class, () -> consumer.apply(created, ProductDeleted.now(2, 1)));
        }

        assertEquals(0, main.rows().queryLong("SELECT COUNT(*) FROM products"));
        assertEquals(0, main.rows().queryLong("SELECT COUNT(*) FROM inbox"));
        try (Consumer consumer = new Consumer(main, ProductSync.handlers())) {
            assertEquals(java.util.List.of(Outcome.APPLIED), consumer.apply(created));
        }
    }
}
