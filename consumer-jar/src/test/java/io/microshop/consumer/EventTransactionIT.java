package io.microshop.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microshop.consumer.product.ProductSync;
import io.microshop.event.ProductCreated;
import io.microshop.event.ProductDeleted;
import io.microshop.migration.MigratedDatabase;
import io.microshop.migration.Schema;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

/** A batch is all or nothing: a failure part-way leaves neither its changes nor its inbox rows. */
class EventTransactionIT {

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
