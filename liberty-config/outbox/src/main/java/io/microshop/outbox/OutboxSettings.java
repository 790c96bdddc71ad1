package io.microshop.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How a service's outbox relay runs; every value comes from MicroProfile Config (OUTBOX_* variables). */
@ApplicationScoped
public class OutboxSettings {

    @Inject
    @ConfigProperty(name = "service.name")
    String serviceName;

    @Inject
    @ConfigProperty(name = "amqp.url", defaultValue = "amqp://guest:guest@localhost:5672/%2F")
    String brokerUrl;

    @Inject
    @ConfigProperty(name = "outbox.poll-ms", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "outbox.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "outbox.confirm-timeout-ms", defaultValue = "5000")
    long confirmTimeoutMillis;

    @Inject
    @ConfigProperty(name = "outbox.lease-ms", defaultValue = "30000")
    long leaseMillis;

    @Inject
    @ConfigProperty(name = "outbox.owner")
    Optional<String> configuredOwner;

    private String owner;

    @PostConstruct
    void resolveOwner() {
        owner = configuredOwner.filter(value -> !value.isBlank()).orElseGet(() -> serviceName + "@" + hostName());
    }

    /** The producer's name on its messages and its broker connection. */
    public String serviceName() {
        return serviceName;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    /** How often the relay reads the table when nothing is handed over, and how long it pauses after a failure. */
    public Duration pollInterval() {
        return Duration.ofMillis(pollMillis);
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration confirmTimeout() {
        return Duration.ofMillis(confirmTimeoutMillis);
    }

    /** How long rows claimed by a relay stay its own before another replica's relay may take them. */
    public Duration lease() {
        return Duration.ofMillis(leaseMillis);
    }

    /**
     * Who claims rows: unique among the replicas sharing a database, and the same across a restart
     * of one of them (the pod's host name), so that a restarted server takes its rows back at once.
     */
    public String owner() {
        return owner;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
