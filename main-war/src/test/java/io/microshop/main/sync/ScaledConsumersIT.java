package io.microshop.main.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consumers scale out as competing consumers on one quorum queue, as their replicas do in a
 * cluster: with a second main-sync and a second admin-likes process beside the first ones, a
 * burst of creates, updates and likes through the APIs ends with both databases identical: no
 * event lost, none applied twice, and the newest version of every product in main, although
 * consecutive versions of a product are taken by different processes.
 */
public class ScaledConsumersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int SECOND_MAIN_SYNC_HEALTH_PORT = 18083;
    private static final int SECOND_ADMIN_LIKES_HEALTH_PORT = 18084;
    private static final int PRODUCTS = 30;
    private static final int UPDATES = 5;
    private static final int LIKES = 5;
    private static SyncWorld world;
    private static ConsumerProcess secondMainSync;
    private static ConsumerProcess secondAdminLikes;

    @BeforeAll
    static void startSecondConsumers() {
        world = SyncWorld.get();
        secondMainSync = new ConsumerProcess("main-sync", "main-sync-2",
                SyncWorld.consumerEnvironment("main_test", SyncWorld.MAIN_DB_PROXY_PORT), SECOND_MAIN_SYNC_HEALTH_PORT).start();
        secondAdminLikes = new ConsumerProcess("admin-likes", "admin-likes-2",
                SyncWorld.consumerEnvironment("admin_test", SyncWorld.ADMIN_DB_PROXY_PORT), SECOND_ADMIN_LIKES_HEALTH_PORT)
                .start();
    }

    @AfterAll
    static void stopSecondConsumers() throws InterruptedException {
        secondMainSync.close();
        secondAdminLikes.close();
    }

    @Test
    void aBurstThroughTwoOfEachConsumerEndsWithBothDatabasesIdentical() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long syncedBefore = applied(secondMainSync);
        long likedBefore = applied(secondAdminLikes);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Long> ids = all(clients, range(PRODUCTS, i -> () -> world.create("Scaled " + run + " " + i)));
            for (long id : ids) {
                SyncWorld.await("product " + id + " in main", PATIENCE, () -> world.main.get("/api/products/" + id).status() == 200);
            }
            List<Callable<Integer>> burst = new ArrayList<>();
            for (long id : ids) {
                burst.add(() -> {
                    for (int version = 2; version <= UPDATES + 1; version++) {
                        assertOk(world.admin.putJson("/api/products/" + id, SyncWorld.product(title(run, id, version))));
                    }
                    return UPDATES;
                });
                for (int shopper = 1; shopper <= LIKES; shopper++) {
                    Http asShopper = world.main.as(Identity.shopper(shopper));
                    burst.add(() -> assertOk(asShopper.post("/api/products/" + id + "/like", null, null)));
                }
            }
            all(clients, burst);

            world.assertConverge(PATIENCE);
            for (long id : ids) {
                JsonObject inMain = world.main.get("/api/products/" + id).json();
                assertEquals(title(run, id, UPDATES + 1), inMain.getString("title"), "the newest version in main");
                assertEquals(UPDATES + 1, world.mainDb.queryLong("SELECT version FROM products WHERE id = ?", id));
                assertEquals(LIKES, world.admin.get("/api/products/" + id).json().getInt("likes"), "likes counted once each");
            }
        } finally {
            clients.shutdownNow();
        }
        assertTrue(applied(secondMainSync) > syncedBefore, "the second main-sync took part of the burst");
        assertTrue(applied(secondAdminLikes) > likedBefore, "the second admin-likes took part of the burst");
    }

    private static String title(String run, long id, int version) {
        return "Scaled " + run + " " + id + " v" + version;
    }

    private static int assertOk(Http.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return 1;
    }

    /** The events the process applied, from its readiness data. */
    private static long applied(ConsumerProcess consumer) {
        return consumer.health().get("/health/ready").json().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals("database"))
                .mapToLong(check -> check.getJsonObject("data").getJsonNumber("applied").longValue())
                .sum();
    }

    private static <T> List<Callable<T>> range(int count, java.util.function.IntFunction<Callable<T>> task) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(task.apply(i));
        }
        return tasks;
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : pool.invokeAll(tasks)) {
            results.add(future.get());
        }
        return results;
    }
}
