package io.microshop.main;

import io.microshop.event.ProductsVersion;
import io.microshop.main.product.ProductView;
import io.microshop.testing.FaultProxy;
import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.testing.ServiceUnderTest;
import io.microshop.testing.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The world of main's integration tests: main's test database, where products are put directly
 * (until admin's events bring them), and admin's test server behind a {@link FaultProxy} that
 * main is configured to call.
 */
public final class Fixture {

    private static final TestDatabase DATABASE = TestDatabase.fromSystemProperties();
    private static final AtomicLong IDS = new AtomicLong();
    private static FaultProxy adminProxy;

    private Fixture() {
    }

    public static TestDatabase database() {
        return DATABASE;
    }

    public static TestDatabase adminDatabase() {
        return DATABASE.database("admin_test");
    }

    /**
     * Ids of the products main's own tests put in directly: far above any id admin gives, so that
     * they never meet the products admin's events bring.
     */
    public static final long FIRST_OWN_ID = 1_000_000_000L;
    /** Ids from here on belong to tests that publish events of their own. */
    public static final long FIRST_PUBLISHED_ID = 5_000_000_000L;

    /** A new product in main's database, with an id no earlier run used. */
    public static ProductView newProduct() {
        synchronized (IDS) {
            if (IDS.get() == 0) {
                IDS.set(Math.max(FIRST_OWN_ID, DATABASE.queryLong(
                        "SELECT COALESCE(MAX(id), 0) FROM products WHERE id < ?", FIRST_PUBLISHED_ID)) + 1000);
            }
        }
        long id = IDS.incrementAndGet();
        String title = "Product " + UUID.randomUUID().toString().substring(0, 8);
        String image = "https://images.example.com/" + id + ".png";
        changeProducts("INSERT INTO products (id, title, image, likes) VALUES (?, ?, ?, 0)", id, title, image);
        return new ProductView(id, title, image, 0);
    }

    /** A change to main's products, made as main-sync makes one: the products' version raised with it. */
    public static void changeProducts(String sql, Object... parameters) {
        DATABASE.update(sql, parameters);
        DATABASE.update(ProductsVersion.RAISE);
    }

    public static long likesCounted(long productId) {
        return DATABASE.queryLong("SELECT likes FROM products WHERE id = ?", productId);
    }

    public static long likeRows(long productId) {
        return DATABASE.queryLong("SELECT COUNT(*) FROM product_likes WHERE product_id = ?", productId);
    }

    /** The shop's user of a signed-in person, as admin mapped it on that person's first like. */
    public static long userOf(String token) {
        return adminDatabase().queryLong("SELECT id FROM users WHERE subject = ?", Identity.subject(token));
    }

    /** The proxy in front of admin's test server, started once (once admin is ready) and passing traffic. */
    public static synchronized FaultProxy admin() {
        if (adminProxy == null) {
            String adminUrl = System.getProperty("it.admin.url");
            ServiceUnderTest.awaitReady(new Http(adminUrl), Duration.ofSeconds(90));
            int adminPort = Integer.parseInt(adminUrl.replaceAll(".*:", ""));
            adminProxy = FaultProxy.start(Integer.getInteger("it.admin.proxy.port"), "127.0.0.1", adminPort);
        }
        return adminProxy;
    }
}
