package io.microshop.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsumerMetricsTest {

    @Test
    void theCountsTimingsAndTheJvmAreInPrometheusTextFormat() throws Exception {
        ConsumerStats stats = new ConsumerStats();
        ConsumerMetrics metrics = new ConsumerMetrics("microshop.admin.like-sync", stats);
        stats.count(Outcome.APPLIED);
        stats.count(Outcome.APPLIED);
        stats.count(Outcome.DUPLICATE);
        stats.deadLettered();
        stats.retried();
        stats.batchTook(Duration.ofMillis(30));
        stats.committed(Instant.now().minusMillis(200));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        String text = out.toString(StandardCharsets.UTF_8);

        for (String line : new String[] {
                "microshop_consumer_events_total{outcome=\"applied\",queue=\"microshop.admin.like-sync\"} 2.0",
                "microshop_consumer_events_total{outcome=\"duplicate\",queue=\"microshop.admin.like-sync\"} 1.0",
                "microshop_consumer_events_total{outcome=\"orphan\",queue=\"microshop.admin.like-sync\"} 0.0",
                "microshop_consumer_events_total{outcome=\"dead_lettered\",queue=\"microshop.admin.like-sync\"} 1.0",
                "microshop_consumer_retries_total{queue=\"microshop.admin.like-sync\"} 1.0",
                "microshop_consumer_batch_duration_seconds_bucket{le=\"0.05\"} 1",
                "microshop_consumer_batch_duration_seconds_bucket{le=\"0.025\"} 0",
                "microshop_consumer_event_age_seconds_bucket{le=\"0.25\"} 1",
                "microshop_consumer_event_age_seconds_count 1"}) {
            assertTrue(text.lines().anyMatch(line::equals), () -> line + " not in:\n" + text);
        }
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\"}"), text);
    }
}
