package io.microshop.migration;

import io.microshop.database.DatabaseConnector;
import io.microshop.database.DatabaseSettings;
import io.microshop.testing.TestDatabase;
import io.microshop.testing.TestProperties;
import java.time.Duration;

/** A database of a test's own on the tests' MariaDB, created empty and brought up to one of the shop's changelogs. */
public record MigratedDatabase(TestDatabase rows, DatabaseConnector connector, int changeSetsApplied) {

    public static MigratedDatabase of(Schema schema, String name) {
        TestDatabase rows = TestDatabase.recreated(name);
        DatabaseSettings settings = new DatabaseSettings(TestProperties.required("it.db.host"),
                Integer.parseInt(TestProperties.required("it.db.port")), name, TestProperties.required("it.db.user"),
                TestProperties.required("it.db.password"), "PREFERRED");
        try {
            int applied = new Migration(schema, settings).apply(Duration.ofSeconds(30));
            return new MigratedDatabase(rows, new DatabaseConnector(settings), applied);
        } catch (Exception e) {
            throw new IllegalStateException("migrating " + name, e);
        }
    }
}
