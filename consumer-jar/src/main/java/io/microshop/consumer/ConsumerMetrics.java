package io.microshop.consumer;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * A consumer's metrics in Prometheus's text format, served on {@code /metrics} of its health
 * port: every event it took by outcome (applied, stale, orphan, duplicate, unhandled,
 * dead_lettered; their sum is what it consumed), its retries, the batches' durations, the
 * events' age at commit (its lag), and the JVM's own.
 */
public final class ConsumerMetrics {

    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

    private final PrometheusRegistry registry = new PrometheusRegistry();

    public ConsumerMetrics(String queue, ConsumerStats stats) {
        CounterWithCallback.builder()
                .name("microshop_consumer_events")
                .help("Events taken from the queue, by what became of them")
                .labelNames("queue", "outcome")
                .callback(counter -> {
                    for (Outcome outcome : Outcome.values()) {
                        counter.call(stats.of(outcome), queue, outcome.name().toLowerCase(Locale.ROOT));
                    }
                    counter.call(stats.deadLetteredCount(), queue, "dead_lettered");
                })
                .register(registry);
        CounterWithCallback.builder()
                .name("microshop_consumer_retries")
                .help("Retries of an event that failed for another reason than an unreachable database")
                .labelNames("queue")
                .callback(counter -> counter.call(stats.retriedCount(), queue))
                .register(registry);
        registry.register(stats.batchSeconds);
        registry.register(stats.eventAgeSeconds);
        JvmMetrics.builder().register(registry);
    }

    public void write(OutputStream out) throws IOException {
        TEXT.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    }
}
