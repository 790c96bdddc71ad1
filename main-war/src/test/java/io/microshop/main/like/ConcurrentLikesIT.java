package io.microshop.main.like;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microshop.main.Fixture;
import io.microshop.main.product.ProductView;
import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.testing.ServiceUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class ConcurrentLikesIT {

    private static ExecutorService clients;
    private final Http http = ServiceUnderTest.http();

    @BeforeAll
    static void startClients() {
        Fixture.admin();
        clients = Executors.newFixedThreadPool(50);
    }

    @AfterAll
    static void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void fiftyShoppersLikingOneProductAtOnceCountExactlyFifty() throws Exception {
        ProductView product = Fixture.newProduct();

        List<String> shoppers = IntStream.rangeClosed(1, 50).mapToObj(Identity::shopper).toList();
        List<Integer> statuses = atOnce(shoppers.stream()
                .map(shopper -> (Callable<Integer>) () -> like(product.id(), shopper)).toList());

        assertEquals(List.of(50), List.of((int) statuses.stream().filter(s -> s == 200).count()), statuses::toString);
        assertEquals(50, Fixture.likesCounted(product.id()));
        assertEquals(50, Fixture.likeRows(product.id()));
        assertEquals(50, http.get("/api/products/" + product.id()).json().getInt("likes"));
    }

    @RepeatedTest(5)
    void oneShopperLikingTwiceAtOnceGetsOne200AndOne409() throws Exception {
        ProductView product = Fixture.newProduct();

        String shopper = Identity.shopper(1);
        List<Integer> statuses = atOnce(List.of(() -> like(product.id(), shopper), () -> like(product.id(), shopper)));

        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        assertEquals(1, Fixture.likesCounted(product.id()));
        assertEquals(1, Fixture.likeRows(product.id()));
    }

    private int like(long productId, String shopper) {
        return http.as(shopper).post("/api/products/" + productId + "/like", null, null).status();
    }

    /** Runs the calls together, released by one latch, and returns their results. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(clients.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
