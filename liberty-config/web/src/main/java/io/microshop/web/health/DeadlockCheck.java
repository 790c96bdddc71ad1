package io.microshop.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless threads of this process are deadlocked: a state only a restart cures. Never
 * looks at the database or the broker, so their outages do not restart the service.
 */
@Liveness
@ApplicationScoped
public class DeadlockCheck implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named("threads").status(count == 0).withData("deadlocked", count).build();
    }
}
