import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
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

/**
 * The event benchmarks of bench/run.sh, run with the source launcher and the consumer jar on the
 * class path (for the JDBC driver):
 *
 *   java -cp microshop-consumer.jar bench/EventBench.java latency ADMIN_URL MAIN_URL COUNT PER_SECOND
 *   java -cp microshop-consumer.jar bench/EventBench.java burst ADMIN_URL MAIN_JDBC_URL USER PASSWORD COUNT CLIENTS
 *   java -cp microshop-consumer.jar bench/EventBench.java drain MAIN_JDBC_URL USER PASSWORD FROM_COUNT TO_COUNT
 *
 * Each prints one line of key=value figures.
 */
public class EventBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "latency" -> latency(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "burst" -> burst(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "drain" -> drain(args[1], args[2], args[3], Long.parseLong(args[4]), Long.parseLong(args[5]));
            default -> throw new IllegalArgumentException("latency or burst");
        }
    }

    /** Creates products one by one at a steady rate; for each, the time from its 201 until main serves it. */
    static void latency(String admin, String main, int count, int perSecond) throws Exception {
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
                if (System.nanoTime() - created > 10_000_000_000L) {
                    throw new IllegalStateException("product " + id + " not in main after 10 s");
                }
            }
            millis.add((System.nanoTime() - created) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("count=%d p50=%.1f p99=%.1f max=%.1f%n", count, percentile(millis, 50),
                percentile(millis, 99), millis.get(millis.size() - 1));
    }

    /** Creates COUNT products from CLIENTS clients; then how long main takes to hold all of them. */
    static void burst(String admin, String mainJdbc, String user, String password, int count, int clients)
            throws Exception {
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
        try (Connection db = DriverManager.getConnection(mainJdbc, user, password);
             PreparedStatement inMain = db.prepareStatement("SELECT COUNT(*) FROM products WHERE id BETWEEN ? AND ?")) {
            inMain.setLong(1, minId.get());
            inMain.setLong(2, maxId.get());
            while (true) {
                try (ResultSet row = inMain.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= count) {
                        break;
                    }
                }
                if (System.nanoTime() - lastCreated > 300_000_000_000L) {
                    throw new IllegalStateException("main did not get all " + count + " products within 300 s");
                }
                Thread.sleep(10);
            }
        }
        long allInMain = System.nanoTime();
        double createSeconds = (lastCreated - start) / 1e9;
        System.out.printf("count=%d create_seconds=%.2f create_rate=%.0f after_last_201_seconds=%.2f applied_rate=%.0f%n",
                count, createSeconds, count / createSeconds, (allInMain - lastCreated) / 1e9,
                count / ((allInMain - start) / 1e9));
    }

    /**
     * Waits while main's product count goes from FROM_COUNT to TO_COUNT (a consumer draining a
     * queue that filled while it was stopped); the rate from the first applied event to the last.
     */
    static void drain(String mainJdbc, String user, String password, long from, long to) throws Exception {
        long first = 0;
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(mainJdbc, user, password);
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM products")) {
            while (true) {
                long now;
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    now = row.getLong(1);
                }
                if (first == 0 && now > from) {
                    first = System.nanoTime();
                }
                if (now >= to) {
                    break;
                }
                if (System.nanoTime() - start > 300_000_000_000L) {
                    throw new IllegalStateException("main did not reach " + to + " products within 300 s");
                }
                Thread.sleep(5);
            }
        }
        double seconds = (System.nanoTime() - first) / 1e9;
        System.out.printf("events=%d drain_seconds=%.2f apply_rate=%.0f%n", to - from, seconds, (to - from) / seconds);
    }

    private static long create(String admin, String title) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(admin + "/api/products"))
                .header("Content-Type", "application/json")
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

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
