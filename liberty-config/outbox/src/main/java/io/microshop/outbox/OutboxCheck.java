package io.microshop.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the broker and the events waiting for it. Always UP: while the broker is away the
 * service keeps taking writes and the outbox keeps their events, so taking the service out of
 * its load balancer would only turn a delay into an outage.
 */
@Readiness
@ApplicationScoped
public class OutboxCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Resource(lookup = "jdbc/shop")
    DataSource database;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("broker").up()
                .withData("connected", relay.connected());
        String failure = relay.failure();
        if (failure != null) {
            response.withData("failure", failure);
        }
        try {
            OutboxTable.Backlog backlog = new OutboxTable(database).backlog();
            response.withData("pendingEvents", backlog.events()).withData("oldestPendingSeconds", backlog.oldestSeconds());
        } catch (SQLException e) {
            response.withData("pendingEvents", "unknown: the database is unreachable");
        }
        return response.build();
    }
}
