package io.microshop.migration;

import io.microshop.database.DatabaseConnector;
import io.microshop.database.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings one database up to its changelog. Idempotent: change sets already applied are skipped,
 * and Liquibase's lock table keeps two runs from applying the same change at once.
 */
public final class Migration {

    static {
        // Liquibase would otherwise phone home with usage data and print banners to stdout.
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    private final Schema schema;
    private final DatabaseSettings settings;

    public Migration(Schema schema, DatabaseSettings settings) {
        this.schema = schema;
        this.settings = settings;
    }

    /** Applies what is pending and returns how many change sets that was. */
    public int apply(Duration patience) throws Exception {
        try (Connection connection = new DatabaseConnector(settings).connectWaiting(patience)) {
            int before = appliedChangeSets(connection);
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Migration.class.getClassLoader()),
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, schema.changelog())
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            });
            return appliedChangeSets(connection) - before;
        }
    }

    private static int appliedChangeSets(Connection connection) throws SQLException {
        if (!connection.getMetaData().getTables(connection.getCatalog(), null, "DATABASECHANGELOG", null).next()) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
