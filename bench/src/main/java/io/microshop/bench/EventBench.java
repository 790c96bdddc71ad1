package io.microshop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The event benchmarks: how soon admin's changes reach main, under a steady rate, in a burst, and after a backlog. */
final class EventBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final long PATIENCE_NANOS = Duration.ofSeconds(300).toNanos();

    private EventBench() {
    }

    /** Creates products one by one at a steady rate; for each, the time from its 201 until main serves it. */
    static Figure latency(String admin, String main, int count, int perSecond) throws Exception {
        List<Double> millis = new ArrayList<>();
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (System.nanoTime() < next) {
                Thread.sleep(1);
            }
            next += interval;
            long id = create(admin, "Latency " + i);
            long created = System.nanoTime();
            HttpRequest get = HttpRequest.newBuilder(URI.create(main + "/api/products/" + id)).build();
            while (HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                Thread.sleep(1);
                if (System.nanoTime() - created > Duration.ofSeconds(10).toNanos()) {
                    throw new IllegalStateException("product " + id + " not in main after 10 s");
                }
            }
            millis.add((System.nanoTime() - created) / 1e6);
        }
        Collections.sort(millis);
        return Figure.of("latency", "propagation", "count", count, "per_second", perSecond,
                "p50", percentile(millis, 50), "p99", percentile(millis, 99), "max", millis.get(millis.size() - 1));
    }

    /** Creates COUNT products from CLIENTS clients; then how long main takes to hold all of them. */
    static Figure burst(String admin, Connection main, int count, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong minId = new AtomicLong(Long.MAX_VALUE);
        AtomicLong maxId = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            requests.add(pool.submit(() -> {
                long id = create(admin, "Burst " + n);
                minId.accumulateAndGet(id, Math::min);
                maxId.accumulateAndGet(id, Math::max);
                return null;
            }));
        }
        for (Future<?> request : requests) {
            request.get();
        }
        long lastCreated = System.nanoTime();
        pool.shutdown();
        try (PreparedStatement inMain = main.prepareStatement("SELECT COUNT(*) FROM products WHERE id BETWEEN ? AND ?")) {
            inMain.setLong(1, minId.get());
            inMain.setLong(2, maxId.get());
            while (count(inMain) < count) {
                if (System.nanoTime() - lastCreated > PATIENCE_NANOS) {
                    throw new IllegalStateException("main did not get all " + count + " products within 300 s");
                }
                Thread.sleep(10);
            }
        }
        long allInMain = System.nanoTime();
        double createSeconds = (lastCreated - start) / 1e9;
        return Figure.of("burst", "creates", "count", count, "clients", clients, "create_rate", count / createSeconds,
                "after_last_201_seconds", (allInMain - lastCreated) / 1e9);
    }

    /**
     * Waits while main's product count goes from {@code from} to {@code to} (a consumer draining a
     * queue that filled while it was stopped); the rate from the first applied event to the last.
     */
    static Figure drain(Connection main, long from, long to) throws Exception {
        long first = 0;
        long start = System.nanoTime();
        try (PreparedStatement products = main.prepareStatement("SELECT COUNT(*) FROM products")) {
            for (long now = count(products); now < to; now = count(products)) {
                if (first == 0 && now > from) {
                    first = System.nanoTime();
                }
                if (System.nanoTime() - start > PATIENCE_NANOS) {
                    throw new IllegalStateException("main did not reach " + to + " products within 300 s");
                }
                Thread.sleep(5);
            }
        }
        double seconds = (System.nanoTime() - (first == 0 ? start : first)) / 1e9;
        return Figure.of("drain", "main-sync", "events", to - from, "drain_seconds", seconds,
                "apply_rate", (to - from) / seconds);
    }

    /** The value at the given percentile of sorted values (nearest rank). */
    static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static long count(PreparedStatement query) throws Exception {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long create(String admin, String title) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(admin + "/api/products"))
                .header("Content-Type", "application/json")
                // Creating needs an administrator's token (bench/run.sh signs one in).
                .header("Authorization", "Bearer " + System.getenv().getOrDefault("BENCH_ADMIN_TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\": \"" + title + "\", \"image\": \"https://images.example.com/bench.png\"}"))
                .build();
        HttpResponse<String> reply = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(reply.body());
        if (reply.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("create answered " + reply.statusCode() + ": " + reply.body());
        }
        return Long.parseLong(id.group(1));
    }
}
