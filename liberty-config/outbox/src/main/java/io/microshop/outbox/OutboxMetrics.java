package io.microshop.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The outbox's metrics (MicroProfile Metrics, application scope, on {@code /metrics}): events
 * published, confirmed by the broker and failed (not confirmed, retried from the table), and the
 * table's depth and the age of its oldest event, read from the database at each scrape (one
 * query for both gauges: a reading serves for a second).
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final String EVENTS = "microshop.outbox.events";

    @Inject
    MetricRegistry registry;

    @Resource(lookup = "jdbc/shop")
    DataSource database;

    private static final long READING_NANOS = 1_000_000_000L;

    private record Reading(OutboxTable.Backlog backlog, long takenAt) {
    }

    private Counter published;
    private Counter confirmed;
    private Counter failed;
    private OutboxTable table;
    private volatile Reading reading;

    @PostConstruct
    void register() {
        Metadata events = Metadata.builder().withName(EVENTS)
                .withDescription("Events the relay published, the broker confirmed, or that failed to be confirmed").build();
        published = registry.counter(events, new Tag("state", "published"));
        confirmed = registry.counter(events, new Tag("state", "confirmed"));
        failed = registry.counter(events, new Tag("state", "failed"));
        table = new OutboxTable(database);
        registry.gauge(Metadata.builder().withName("microshop.outbox.pending")
                .withDescription("Events waiting in the outbox table").build(), this,
                metrics -> metrics.backlog().map(backlog -> (double) backlog.events()).orElse(Double.NaN));
        registry.gauge(Metadata.builder().withName("microshop.outbox.oldest.pending").withUnit(MetricUnits.SECONDS)
                .withDescription("How long the oldest event in the outbox has waited").build(), this,
                metrics -> metrics.backlog().map(backlog -> (double) backlog.oldestSeconds()).orElse(Double.NaN));
    }

    /** Created at start, so that Prometheus sees the gauges before the first event. */
    void atStartup(@Observes Startup startup) {
        // the bean's creation registers everything
    }

    void published(int events) {
        published.inc(events);
    }

    void confirmed(int events) {
        confirmed.inc(events);
    }

    void failed(int events) {
        failed.inc(events);
    }

    /** The table's backlog, empty while the database is unreachable. */
    private Optional<OutboxTable.Backlog> backlog() {
        Reading last = reading;
        if (last == null || System.nanoTime() - last.takenAt() > READING_NANOS) {
            try {
                last = new Reading(table.backlog(), System.nanoTime());
            } catch (SQLException e) {
                return Optional.empty();
            }
            reading = last;
        }
        return Optional.of(last.backlog());
    }
}
