package io.microshop.main.sync;

import static io.microshop.main.sync.SyncWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.event.Topology;
import io.microshop.testing.FaultProxy;
import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.main.Fixture;
import io.microshop.testing.ServiceUnderTest;
import io.microshop.testing.TestBroker;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults in the middle of a burst of creates (in admin) and likes (in main). Every request gets
 * its normal answer whatever happens behind it, and at the end the two databases agree exactly:
 * every product, every like count, both outboxes empty; nothing lost, nothing doubled. The broker
 * that stops is the tests' own RabbitMQ node ({@link TestBroker}), never the machine's.
 */
public class SyncFaultsIT {

    private static final int CREATES = 1000;
    private static final int LIKES = 1000;
    private static final int LIKED_PRODUCTS = 20;
    private static final Duration CONVERGENCE = Duration.ofSeconds(90);
    private static SyncWorld world;
    private static final AtomicInteger NEXT_USER = new AtomicInteger();

    @BeforeAll
    static void startTheConsumers() {
        world = SyncWorld.get();
    }

    @AfterEach
    void everythingIsBackToNormal() throws Exception {
        TestBroker.start();
        world.mainDbProxy.mode(FaultProxy.Mode.PASS);
        world.adminDbProxy.mode(FaultProxy.Mode.PASS);
        if (!world.mainSync.alive()) {
            world.mainSync.start();
        }
        if (!world.adminLikes.alive()) {
            world.adminLikes.start();
        }
    }

    @Test
    void theBrokerStopsAndStartsInTheMiddleOfABurst() throws Exception {
        burst(productsInMain(LIKED_PRODUCTS), () -> {
            TestBroker.stop();
            outage("admin's relay without its broker", Duration.ofSeconds(2), () -> !brokerConnected(world.admin));
            TestBroker.start();
        });
        world.assertConverge(CONVERGENCE);
    }

    @Test
    void theConsumersAreKilledInTheMiddleOfABurstAndRestarted() throws Exception {
        burst(productsInMain(LIKED_PRODUCTS), () -> {
            world.mainSync.kill();
            world.adminLikes.kill();
            outage("both consumers gone", Duration.ofSeconds(1),
                    () -> !world.mainSync.alive() && !world.adminLikes.alive());
            world.mainSync.start();
            world.adminLikes.start();
        });
        world.assertConverge(CONVERGENCE);
    }

    @Test
    void theConsumersStopGracefullyOnSigtermInTheMiddleOfABurst() throws Exception {
        burst(productsInMain(LIKED_PRODUCTS), () -> {
            // terminate() fails unless the process exits within 30 s; 143 is the JVM's status after SIGTERM.
            assertEquals(143, world.mainSync.terminate(), "main-sync's exit status after SIGTERM");
            assertEquals(143, world.adminLikes.terminate(), "admin-likes' exit status after SIGTERM");
            world.mainSync.start();
            world.adminLikes.start();
        });
        world.assertConverge(CONVERGENCE);
    }

    @Test
    void aServiceKilledBeforeItCouldPublishDeliversItsEventsAfterARestart() throws Exception {
        List<Long> liked = productsInMain(5);
        TestBroker.stop();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            created.add(world.create("Unpublished " + UUID.randomUUID()));
            like(liked.get(i % liked.size()));
        }
        assertTrue(world.adminDb.queryLong("SELECT COUNT(*) FROM outbox") >= 50, "the events wait in admin's outbox");

        killAndRestartAdmin(TestBroker::start);

        world.assertConverge(CONVERGENCE);
        for (long id : created) {
            assertEquals(200, world.main.get("/api/products/" + id).status());
        }
    }

    @Test
    void theConsumersDatabasesAreUnreachableForAWhile() throws Exception {
        List<Long> liked = productsInMain(LIKED_PRODUCTS);
        world.mainDbProxy.mode(FaultProxy.Mode.REFUSE);
        world.adminDbProxy.mode(FaultProxy.Mode.REFUSE);
        burst(liked, () -> {
            await("main-sync reporting its database down", Duration.ofSeconds(10),
                    () -> world.mainSync.health().get("/health/ready").status() == 503);
            outage("admin-likes without its database", Duration.ofSeconds(2),
                    () -> world.adminLikes.health().get("/health/ready").status() == 503);
        });
        assertTrue(world.mainDb.queryLong("SELECT COUNT(*) FROM products") > 0);
        assertEquals(503, world.adminLikes.health().get("/health/ready").status());
        assertEquals(200, world.adminLikes.health().get("/health/live").status(), "waiting is not dying");

        world.mainDbProxy.mode(FaultProxy.Mode.PASS);
        world.adminDbProxy.mode(FaultProxy.Mode.PASS);

        world.assertConverge(CONVERGENCE);
        assertEquals(0, deadLetters(Topology.PRODUCT_SYNC) + deadLetters(Topology.LIKE_SYNC));
    }

    /** CREATES creates and LIKES likes from 8 clients; the fault runs when half of them are done. */
    private void burst(List<Long> liked, Fault fault) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < CREATES + LIKES; i++) {
            int n = i;
            requests.add(clients.submit(() -> {
                if (n % 2 == 0) {
                    world.create("Burst " + UUID.randomUUID());
                } else {
                    like(liked.get(n % liked.size()));
                }
                done.incrementAndGet();
                return null;
            }));
        }
        await("half of the burst", Duration.ofSeconds(120), () -> done.get() >= (CREATES + LIKES) / 2);
        fault.inject();
        for (Future<?> request : requests) {
            request.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();
    }

    private static List<Long> productsInMain(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(world.create("Liked " + UUID.randomUUID()));
        }
        for (long id : ids) {
            await("product " + id + " in main", Duration.ofSeconds(30), () -> world.main.get("/api/products/" + id).status() == 200);
        }
        return ids;
    }

    /** A like by a shopper who has not liked it yet. */
    private static void like(long productId) {
        while (true) {
            int shopper = NEXT_USER.getAndIncrement() % Identity.SHOPPERS + 1;
            Http.Reply reply = world.main.as(Identity.shopper(shopper)).post("/api/products/" + productId + "/like", null, null);
            if (reply.status() == 200) {
                return;
            }
            assertEquals(409, reply.status(), reply::toString);
        }
    }

    private static long deadLetters(String queue) throws Exception {
        try (var connection = world.broker.connect("faults-it"); var channel = connection.createChannel()) {
            return channel.messageCount(Topology.deadLetterQueue(queue));
        }
    }

    /** SIGKILL to admin's test server, the fault while it is down, then a normal start. */
    private static void killAndRestartAdmin(Fault whileDown) throws Exception {
        Path wlp = Path.of(System.getProperty("it.wlp.dir"));
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/admin-test.pid")).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(20, TimeUnit.SECONDS);
        whileDown.inject();
        run(wlp.resolve("bin/server").toString(), "start", "admin-test");
        ServiceUnderTest.awaitReady(world.admin, Duration.ofSeconds(120));
    }

    /** Lets a fault last: waits until the outage shows, then checks that it goes on showing for {@code length}. */
    private static void outage(String what, Duration length, Callable<Boolean> showing) {
        Awaitility.await(what).during(length).atMost(length.plusSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(showing);
    }

    /** What the service's readiness check says of its relay's broker connection. */
    private static boolean brokerConnected(Http service) {
        return service.get("/health/ready").json().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals("broker"))
                .anyMatch(check -> check.getJsonObject("data").getBoolean("connected"));
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/faults-commands.log"))).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see target/faults-commands.log");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }
}
