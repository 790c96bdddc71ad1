package io.microshop.web.health;

import io.microshop.failure.Failures;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the database holds the schema this build needs: the Liquibase change set
 * named by {@code schema.requires} has been applied. The service never migrates; until
 * {@code migrate <service>} has run (the migration Job in a cluster) it stays out of its load
 * balancer and says which change set it waits for, instead of failing on missing tables.
 */
@Readiness
@ApplicationScoped
public class SchemaCheck implements HealthCheck {

    private static final String APPLIED = "SELECT 1 FROM DATABASECHANGELOG WHERE ID = ?";
    private static final String NO_SUCH_TABLE = "42S02";

    @Resource(lookup = "jdbc/shop")
    DataSource database;

    @Inject
    @ConfigProperty(name = "schema.requires")
    String required;

    @Inject
    @ConfigProperty(name = "service.name")
    String service;

    /** A schema never goes back to an older version, so once seen, it need not be asked again. */
    private volatile boolean applied;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("schema").withData("requires", required);
        if (applied) {
            return response.up().build();
        }
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(APPLIED)) {
            query.setString(1, required);
            try (ResultSet row = query.executeQuery()) {
                applied = row.next();
            }
        } catch (SQLException e) {
            if (!NO_SUCH_TABLE.equals(e.getSQLState())) {
                return response.down().withData("error", Failures.firstLine(e)).build();
            }
        }
        return applied ? response.up().build() : response.down().withData("waitingFor",
                "change set " + required + ": run `migrate " + service + "`").build();
    }
}
