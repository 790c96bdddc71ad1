package io.microshop.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.event.ProductFields;
import io.microshop.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each changelog builds its database from nothing, a second run changes nothing, and the columns fit the contract. */
class MigrationIT {

    @ParameterizedTest
    @EnumSource(Schema.class)
    void aChangelogBuildsItsDatabaseOnceAndASecondRunChangesNothing(Schema schema) throws Exception {
        MigratedDatabase database = MigratedDatabase.of(schema, schema.databaseName() + "_migration_test");

        assertTrue(database.changeSetsApplied() > 0);
        assertEquals(0, new Migration(schema, database.connector().settings()).apply(Duration.ofSeconds(30)));
        for (String table : new String[] {"products", "outbox", "inbox"}) {
            assertEquals(1, tables(database.rows(), table), table);
        }
    }

    @ParameterizedTest
    @EnumSource(Schema.class)
    void productColumnsAreAsWideAsTheContractSays(Schema schema) {
        TestDatabase rows = MigratedDatabase.of(schema, schema.databaseName() + "_migration_test").rows();

        assertEquals(ProductFields.TITLE_MAX, width(rows, "title"));
        assertEquals(ProductFields.IMAGE_MAX, width(rows, "image"));
    }

    private static long tables(TestDatabase rows, String table) {
        return rows.queryLong("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = ?", table);
    }

    private static long width(TestDatabase rows, String column) {
        return rows.queryLong("SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = 'products' AND column_name = ?", column);
    }
}
