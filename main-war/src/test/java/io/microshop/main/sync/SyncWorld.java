package io.microshop.main.sync;

import static org.hamcrest.Matchers.emptyString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microshop.event.Broker;
import io.microshop.main.Fixture;
import io.microshop.testing.FaultProxy;
import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.testing.ServiceUnderTest;
import io.microshop.testing.TestBroker;
import io.microshop.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;

/**
 * The whole system under test: admin's and main's test servers, their databases, and the two
 * consumers as processes, each reaching its database through a {@link FaultProxy} so that a
 * test can take the database away from it. Started once for all sync tests.
 */
final class SyncWorld {

    static final int MAIN_SYNC_HEALTH_PORT = 18081;
    static final int ADMIN_LIKES_HEALTH_PORT = 18082;
    static final int MAIN_DB_PROXY_PORT = 18106;
    static final int ADMIN_DB_PROXY_PORT = 18107;

    private static SyncWorld world;

    /** admin's test server, as the test administrator: every write needs the role catalog-admin. */
    final Http admin = new Http(System.getProperty("it.admin.url")).as(Identity.admin());
    final Http main = ServiceUnderTest.http();
    final TestDatabase mainDb = Fixture.database();
    final TestDatabase adminDb = mainDb.database("admin_test");
    final FaultProxy mainDbProxy;
    final FaultProxy adminDbProxy;
    final ConsumerProcess mainSync;
    final ConsumerProcess adminLikes;
    final Broker broker = new Broker(TestBroker.url());
    /** Admin's own tests write like counts straight into admin's database; the counts compared start here. */
    final long firstComparedLikes;

    private SyncWorld() {
        Fixture.admin().mode(FaultProxy.Mode.PASS);
        ServiceUnderTest.awaitReady(main, Duration.ofSeconds(90));
        String dbHost = System.getProperty("it.db.host");
        int dbPort = Integer.getInteger("it.db.port");
        firstComparedLikes = adminDb.queryLong("SELECT COALESCE(MAX(id), 0) + 1 FROM products");
        mainDbProxy = FaultProxy.start(MAIN_DB_PROXY_PORT, dbHost, dbPort);
        adminDbProxy = FaultProxy.start(ADMIN_DB_PROXY_PORT, dbHost, dbPort);
        mainSync = new ConsumerProcess("main-sync", consumerEnvironment("main_test", MAIN_DB_PROXY_PORT),
                MAIN_SYNC_HEALTH_PORT).start();
        adminLikes = new ConsumerProcess("admin-likes", consumerEnvironment("admin_test", ADMIN_DB_PROXY_PORT),
                ADMIN_LIKES_HEALTH_PORT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown));
    }

    static synchronized SyncWorld get() {
        if (world == null) {
            world = new SyncWorld();
        }
        return world;
    }

    /**
     * A consumer's environment: the test broker, its database through the given port, and telemetry
     * as the test servers have it (on, for sampled traces only, to the trace test's OTLP receiver;
     * JSON log lines with the shop's detail).
     */
    static Map<String, String> consumerEnvironment(String database, int port) {
        return Map.ofEntries(
                Map.entry("AMQP_URL", TestBroker.url()),
                Map.entry("DB_HOST", "127.0.0.1"),
                Map.entry("DB_PORT", Integer.toString(port)),
                Map.entry("DB_NAME", database),
                Map.entry("DB_USER", System.getProperty("it.db.user")),
                Map.entry("DB_PASSWORD", System.getProperty("it.db.password")),
                Map.entry("OTEL_SDK_DISABLED", "false"),
                Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:" + System.getProperty("it.otlp.port")),
                Map.entry("OTEL_TRACES_SAMPLER", "parentbased_always_off"),
                Map.entry("OTEL_BSP_SCHEDULE_DELAY", "100"),
                Map.entry("LOG_FORMAT", "JSON"),
                Map.entry("LOG_LEVEL", "FINE"));
    }

    private void shutdown() {
        try {
            mainSync.close();
            adminLikes.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        mainDbProxy.close();
        adminDbProxy.close();
    }

    /** Creates a product in admin; returns its id. */
    long create(String title) {
        Http.Reply reply = admin.postJson("/api/products", product(title));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getJsonNumber("id").longValue();
    }

    static String product(String title) {
        return "{\"title\": \"" + title + "\", \"image\": \"https://images.example.com/" + title.hashCode() + ".png\"}";
    }

    /** Waits until the condition holds; fails with the description after the patience. */
    static void await(String what, Duration patience, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(patience).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    /** Waits until both databases agree exactly; fails with the last differences if they never do. */
    void assertConverge(Duration patience) {
        Awaitility.await("admin and main converging").atMost(patience).pollInterval(Duration.ofMillis(200))
                .until(this::differences, emptyString());
    }

    /**
     * Every product of admin is in main with the same title and image, main has no other, every
     * like count is equal, and neither outbox holds anything. Empty when all holds.
     */
    String differences() {
        Map<Long, String> inAdmin = products(adminDb, firstComparedLikes);
        Map<Long, String> inMain = products(mainDb, firstComparedLikes);
        long adminOutbox = adminDb.queryLong("SELECT COUNT(*) FROM outbox");
        long mainOutbox = mainDb.queryLong("SELECT COUNT(*) FROM outbox WHERE product_id < " + Fixture.FIRST_OWN_ID);
        if (inAdmin.equals(inMain) && adminOutbox == 0 && mainOutbox == 0) {
            return "";
        }
        StringBuilder report = new StringBuilder();
        report.append(adminOutbox).append(" events in admin's outbox, ").append(mainOutbox).append(" in main's; ");
        int shown = 0;
        for (Long id : union(inAdmin, inMain)) {
            String a = inAdmin.get(id);
            String m = inMain.get(id);
            if (!java.util.Objects.equals(a, m) && shown++ < 5) {
                report.append("product ").append(id).append(": admin ").append(a).append(", main ").append(m).append("; ");
            }
        }
        return report.toString();
    }

    private static Iterable<Long> union(Map<Long, String> a, Map<Long, String> b) {
        var all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    /** Leaves out the products main's own tests put in directly (from {@link Fixture#FIRST_OWN_ID}). */
    private static Map<Long, String> products(TestDatabase database, long firstComparedLikes) {
        Map<Long, String> products = new TreeMap<>();
        try (java.sql.Connection db = database.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, title, image, likes FROM products WHERE id < "
                     + Fixture.FIRST_OWN_ID + " ORDER BY id")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                products.put(id, rows.getString(2) + " | " + rows.getString(3)
                        + (id >= firstComparedLikes ? " | likes " + rows.getLong(4) : ""));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return products;
    }
}
