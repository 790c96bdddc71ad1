package io.microshop.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the application's beans are initialized. */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    private volatile Instant startedAt;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        startedAt = Instant.now();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("application");
        Instant started = startedAt;
        if (started == null) {
            return response.down().build();
        }
        return response.up().withData("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds()).build();
    }
}
