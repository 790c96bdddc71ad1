package io.microshop.consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The consumer's probes on the JDK's own HTTP server, answering like MicroProfile Health:
 * {@code /health/live}, {@code /health/ready}, {@code /health/started} and {@code /health}
 * (all checks), 200 when every check is UP, else 503; and its metrics on {@code /metrics}.
 */
public final class HealthServer {

    /** One named check; data may be null. */
    public record Check(String name, boolean up, JsonObject data) {
    }

    private final HttpServer server;

    public HealthServer(int port, Supplier<List<Check>> live, Supplier<List<Check>> ready, ConsumerMetrics metrics)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/metrics", getOnly(exchange -> metrics(exchange, metrics)));
        server.createContext("/health/live", getOnly(exchange -> answer(exchange, live.get())));
        server.createContext("/health/ready", getOnly(exchange -> answer(exchange, ready.get())));
        server.createContext("/health/started",
                getOnly(exchange -> answer(exchange, List.of(new Check("started", true, null)))));
        server.createContext("/health", getOnly(exchange -> {
            List<Check> all = new java.util.ArrayList<>(live.get());
            all.addAll(ready.get());
            answer(exchange, all);
        }));
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop(0);
    }

    /** Every endpoint answers GET only; anything else is a 405. */
    private static HttpHandler getOnly(HttpHandler handler) {
        return exchange -> {
            if ("GET".equals(exchange.getRequestMethod())) {
                handler.handle(exchange);
            } else {
                try (exchange) {
                    exchange.sendResponseHeaders(405, -1);
                }
            }
        };
    }

    private static void metrics(HttpExchange exchange, ConsumerMetrics metrics) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", ConsumerMetrics.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                metrics.write(out);
            }
        }
    }

    private static void answer(HttpExchange exchange, List<Check> checks) throws IOException {
        try (exchange) {
            boolean up = checks.stream().allMatch(Check::up);
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (Check check : checks) {
                JsonObjectBuilder json = Json.createObjectBuilder()
                        .add("name", check.name()).add("status", check.up() ? "UP" : "DOWN");
                if (check.data() != null) {
                    json.add("data", check.data());
                }
                array.add(json);
            }
            byte[] body = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", array).build()
                    .toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(up ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
