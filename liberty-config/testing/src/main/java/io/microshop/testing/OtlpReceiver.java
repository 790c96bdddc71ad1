package io.microshop.testing;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver in the test: takes the spans every process exports to
 * {@code /v1/traces} (http/protobuf, gzipped or not), keeps them (or, counting, only counts them),
 * and answers as a collector does; metrics and logs are taken and dropped. {@code GET /count}
 * answers how many spans it has received.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** A span as received, with its resource's service name. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                               Span.SpanKind kind, Map<String, String> attributes, List<String> linkedSpanIds) {

        @Override
        public String toString() {
            return service + " " + kind.name().replace("SPAN_KIND_", "") + " '" + name + "' " + spanId + " <- "
                    + (parentSpanId.isEmpty() ? "(root)" : parentSpanId);
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    private final HttpServer server;
    private final boolean keep;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final AtomicLong received = new AtomicLong();

    private OtlpReceiver(int port, boolean keep) throws IOException {
        this.keep = keep;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/v1/traces", this::traces);
        server.createContext("/v1/metrics", OtlpReceiver::drop);
        server.createContext("/v1/logs", OtlpReceiver::drop);
        server.createContext("/count", this::count);
        server.setExecutor(Executors.newFixedThreadPool(2));
    }

    /** A receiver that keeps every span, for a test to look at. */
    public static OtlpReceiver start(int port) {
        return start(port, true);
    }

    /** A receiver that only counts the spans, for a load that exports many (the benchmark's). */
    public static OtlpReceiver counting(int port) {
        return start(port, false);
    }

    private static OtlpReceiver start(int port, boolean keep) {
        try {
            OtlpReceiver receiver = new OtlpReceiver(port, keep);
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive OTLP on port " + port, e);
        }
    }

    /** How many spans have arrived. */
    public long received() {
        return received.get();
    }

    /** Every span received so far of this trace. */
    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** The spans of the trace by span id. */
    public Map<String, ReceivedSpan> byId(String traceId) {
        return trace(traceId).stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
    }

    private void traces(HttpExchange exchange) throws IOException {
        try (exchange) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body(exchange));
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    received.addAndGet(scope.getSpansCount());
                    for (Span span : keep ? scope.getSpansList() : List.<Span>of()) {
                        spans.add(new ReceivedSpan(service, hex(span.getTraceId()), hex(span.getSpanId()),
                                hex(span.getParentSpanId()), span.getName(), span.getKind(),
                                attributes(span.getAttributesList()),
                                span.getLinksList().stream().map(link -> hex(link.getSpanId())).toList()));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private void count(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] count = Long.toString(received.get()).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, count.length);
            exchange.getResponseBody().write(count);
        }
    }

    private static void drop(HttpExchange exchange) throws IOException {
        try (exchange) {
            body(exchange);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, attribute -> text(attribute.getValue()),
                (a, b) -> b));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
