package io.microshop.main.sync;

import static io.microshop.main.sync.SyncWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics Prometheus scrapes: the runtime's (JVM, HTTP, connection pool, fault tolerance) and
 * the pipeline's own, from the outbox of each service and from each consumer, move as a like
 * crosses them.
 */
public class PipelineMetricsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** A metric's name in PromQL: followed by its label matchers. */
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static SyncWorld world;

    @BeforeAll
    static void start() {
        world = SyncWorld.get();
    }

    @Test
    void aLikeMovesTheOutboxAndConsumerCountersAndTheRuntimeReportsItsOwn() {
        long product = world.create("Counted " + UUID.randomUUID());
        await("product " + product + " in main", PATIENCE, () -> world.main.get("/api/products/" + product).status() == 200);
        double confirmedBefore = Metrics.of(world.main).value("microshop_outbox_events_total", "state=\"confirmed\"");
        double appliedBefore = Metrics.of(world.adminLikes.health()).value("microshop_consumer_events_total",
                "outcome=\"applied\"");

        Http.Reply like = world.main.as(Identity.shopper(8)).post("/api/products/" + product + "/like", null, null);
        assertEquals(200, like.status(), like::toString);

        await("main's outbox counting the like's event as confirmed", PATIENCE, () -> Metrics.of(world.main)
                .value("microshop_outbox_events_total", "state=\"confirmed\"") >= confirmedBefore + 1);
        await("admin-likes counting it as applied", PATIENCE, () -> Metrics.of(world.adminLikes.health())
                .value("microshop_consumer_events_total", "outcome=\"applied\"") >= appliedBefore + 1);
        Metrics main = Metrics.of(world.main);
        assertTrue(main.value("microshop_outbox_events_total", "state=\"published\"") >= confirmedBefore + 1);
        assertTrue(main.has("microshop_outbox_pending"), "the outbox's depth");
        assertTrue(main.has("microshop_outbox_oldest_pending_seconds"), "the outbox's oldest event");
        assertTrue(main.has("http_server_request_duration_seconds_count"), "HTTP");
        assertTrue(main.has("jvm_uptime_seconds") || main.has("memory_usedHeap_bytes"), "the JVM");
        assertTrue(main.has("connectionpool_"), "the connection pool");
        assertTrue(main.has("ft_invocations_total"), "fault tolerance, of main's call to admin");
        Metrics consumer = Metrics.of(world.adminLikes.health());
        assertTrue(consumer.value("microshop_consumer_event_age_seconds_count", "") >= 1, "the consumer's lag");
        assertTrue(consumer.value("microshop_consumer_batch_duration_seconds_count", "") >= 1, "its batches");
        assertTrue(consumer.has("jvm_memory_used_bytes"), "its JVM");
        assertTrue(Metrics.of(world.admin).has("microshop_outbox_events_total"), "admin's outbox");
    }

    @Test
    void everyMetricTheDashboardDrawsIsOneTheProcessesServe() throws Exception {
        Path dashboard = Path.of("../kubernetes/grafana/microshop-dashboard.json");
        JsonObject json = Json.createReader(new StringReader(Files.readString(dashboard))).readObject();
        String served = Metrics.of(world.main).text() + Metrics.of(world.admin).text()
                + Metrics.of(world.adminLikes.health()).text() + Metrics.of(world.mainSync.health()).text();
        List<String> drawn = new ArrayList<>();
        for (JsonValue panel : json.getJsonArray("panels")) {
            for (JsonValue target : panel.asJsonObject().getJsonArray("targets") == null ? List.<JsonValue>of()
                    : panel.asJsonObject().getJsonArray("targets")) {
                Matcher metric = METRIC.matcher(target.asJsonObject().getString("expr"));
                while (metric.find()) {
                    drawn.add(metric.group(1));
                }
            }
        }
        assertTrue(drawn.size() >= 15, drawn::toString);
        for (String name : drawn) {
            assertTrue(served.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " ")),
                    () -> "the dashboard draws " + name + ", which no process serves; they serve "
                            + served.lines().filter(line -> !line.startsWith("#")).map(line -> line.split("[{ ]")[0])
                            .distinct().sorted().toList());
        }
    }

    /** One scrape of /metrics. */
    private record Metrics(String text) {

        static Metrics of(Http service) {
            Http.Reply reply = service.get("/metrics");
            assertEquals(200, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("text/plain") || reply.contentType().startsWith("application/openmetrics-text"),
                    reply.contentType());
            return new Metrics(reply.body());
        }

        boolean has(String namePrefix) {
            return text.lines().anyMatch(line -> line.startsWith(namePrefix));
        }

        /** The sum of the samples of this name whose labels contain the given text (0 when none). */
        double value(String name, String label) {
            return text.lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .filter(line -> line.contains(label))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        }
    }
}
