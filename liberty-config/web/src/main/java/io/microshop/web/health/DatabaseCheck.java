package io.microshop.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the service's own database answers. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/shop")
    DataSource database;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = database.getConnection()) {
            boolean valid = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            return response.status(valid).withData("catalog", String.valueOf(connection.getCatalog())).build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
