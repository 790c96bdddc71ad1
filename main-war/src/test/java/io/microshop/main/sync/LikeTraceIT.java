package io.microshop.main.sync;

import static io.microshop.main.sync.SyncWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.event.EventType;
import io.microshop.event.Topology;
import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.testing.OtlpReceiver;
import io.microshop.testing.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One like, sent with a known {@code traceparent} as the browser sends it, is one trace across
 * every process it crosses: main's server span and its call to admin, admin's server span, the
 * relay's publish, admin-likes' processing, its database transaction and that transaction's
 * statements; and a JSON log line of each of the three processes carries the trace's id.
 */
public class LikeTraceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static SyncWorld world;
    private static OtlpReceiver receiver;

    @BeforeAll
    static void listen() {
        world = SyncWorld.get();
        receiver = OtlpReceiver.start(Integer.getInteger("it.otlp.port"));
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void aLikeIsOneTraceFromTheCallerThroughRabbitMQToAdminsDatabase() {
        long product = world.create("Traced " + UUID.randomUUID());
        await("product " + product + " in main", PATIENCE, () -> world.main.get("/api/products/" + product).status() == 200);
        String traceId = hex(16);
        String callerSpan = hex(8);

        Http.Reply like = world.main.as(Identity.shopper(7)).postJson("/api/products/" + product + "/like", "{}",
                Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01"));
        assertEquals(200, like.status(), like::toString);

        // Each process exports when its spans end, in its own time: wait for the last of them.
        await("the like's spans from main, admin and admin-likes", PATIENCE, () -> Stream.of(
                        "main SERVER", "main CLIENT", "main PRODUCER", "admin SERVER", "admin-likes CONSUMER", "admin-likes CLIENT")
                .allMatch(expected -> find(traceId, expected.split(" ")[0],
                        SpanKind.valueOf("SPAN_KIND_" + expected.split(" ")[1])).isPresent())
                && receiver.trace(traceId).stream().anyMatch(span -> span.name().equals("transaction admin_test")));
        Map<String, ReceivedSpan> spans = receiver.byId(traceId);
        String tree = spans.values().toString();
        ReceivedSpan mainServer = only(traceId, "main", SpanKind.SPAN_KIND_SERVER);
        assertEquals(callerSpan, mainServer.parentSpanId(), tree);
        assertTrue(mainServer.name().contains("like"), mainServer.name());

        ReceivedSpan adminServer = only(traceId, "admin", SpanKind.SPAN_KIND_SERVER);
        assertTrue(adminServer.name().contains("users"), adminServer.name());
        ReceivedSpan mainClient = spans.get(adminServer.parentSpanId());
        assertEquals("main", mainClient.service(), tree);
        assertEquals(SpanKind.SPAN_KIND_CLIENT, mainClient.kind(), tree);
        assertTrue(descends(mainClient, mainServer, spans), "main's call to admin is part of its request: " + tree);

        ReceivedSpan publish = only(traceId, "main", SpanKind.SPAN_KIND_PRODUCER);
        assertEquals("publish " + EventType.PRODUCT_LIKED.exchange(), publish.name());
        assertEquals(mainServer.spanId(), publish.parentSpanId(), "the outbox row kept the request's context: " + tree);
        assertEquals("rabbitmq", publish.attributes().get("messaging.system"));

        ReceivedSpan process = only(traceId, "admin-likes", SpanKind.SPAN_KIND_CONSUMER);
        assertEquals(publish.spanId(), process.parentSpanId(), "the message carried the publish span: " + tree);
        assertEquals("process " + Topology.LIKE_SYNC, process.name());
        ReceivedSpan transaction = named(traceId, "admin-likes", "transaction admin_test");
        assertEquals(SpanKind.SPAN_KIND_CLIENT, transaction.kind());
        assertEquals(process.spanId(), transaction.parentSpanId(), tree);
        assertEquals("1", transaction.attributes().get("microshop.events.applied"));
        // Connector/J traces its own statements with the consumer's (global) OpenTelemetry.
        List<ReceivedSpan> statements = receiver.trace(traceId).stream()
                .filter(span -> span.parentSpanId().equals(transaction.spanId())).toList();
        assertTrue(statements.stream().anyMatch(span -> span.name().equals("Commit")), tree);
        assertTrue(statements.stream().allMatch(span -> span.kind() == SpanKind.SPAN_KIND_CLIENT), tree);

        String wlp = System.getProperty("it.wlp.dir");
        await("a JSON log line of main with the trace id", PATIENCE,
                () -> logged(Path.of(wlp, "usr/servers/main-test/logs/console.log"), "ext_traceId", traceId));
        await("a JSON log line of admin with the trace id", PATIENCE,
                () -> logged(Path.of(wlp, "usr/servers/admin-test/logs/console.log"), "ext_traceId", traceId));
        await("a JSON log line of admin-likes with the trace id", PATIENCE,
                () -> logged(Path.of("target/admin-likes.log"), "trace_id", traceId));
    }

    private static Optional<ReceivedSpan> find(String traceId, String service, SpanKind kind) {
        return receiver.trace(traceId).stream()
                .filter(span -> span.service().equals(service) && span.kind() == kind).findFirst();
    }

    private static ReceivedSpan only(String traceId, String service, SpanKind kind) {
        List<ReceivedSpan> matching = receiver.trace(traceId).stream()
                .filter(span -> span.service().equals(service) && span.kind() == kind).toList();
        assertEquals(1, matching.size(), () -> "one " + kind + " span of " + service + " in " + receiver.trace(traceId));
        return matching.get(0);
    }

    private static ReceivedSpan named(String traceId, String service, String name) {
        List<ReceivedSpan> matching = receiver.trace(traceId).stream()
                .filter(span -> span.service().equals(service) && span.name().equals(name)).toList();
        assertEquals(1, matching.size(), () -> "one span '" + name + "' of " + service + " in " + receiver.trace(traceId));
        return matching.get(0);
    }

    private static boolean descends(ReceivedSpan span, ReceivedSpan ancestor, Map<String, ReceivedSpan> spans) {
        for (ReceivedSpan at = span; at != null; at = spans.get(at.parentSpanId())) {
            if (at.spanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean logged(Path log, String field, String traceId) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith("{") && line.contains(traceId)).anyMatch(line -> {
                JsonObject json = Json.createReader(new StringReader(line)).readObject();
                return traceId.equals(json.getString(field, ""));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
