package io.microshop.testing;

import static io.microshop.testing.ProblemAssertions.assertInvalidFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keyset paging of {@code GET /api/products}, the same in every service that lists products. */
public abstract class PagedListContract {

    protected final Http http = ServiceUnderTest.http();

    /** Adds three products with consecutive ids (no other product between them); returns the ids in order. */
    protected abstract List<Long> threeConsecutiveProducts();

    @Test
    void aFullPageLinksToTheNextOne() {
        List<Long> ids = threeConsecutiveProducts();

        Http.Reply first = http.get("/api/products?after=" + (ids.get(0) - 1) + "&limit=2");
        assertEquals(200, first.status(), first::toString);
        assertEquals(ids.subList(0, 2), idsOf(first.jsonArray()));
        String next = nextLink(first);
        assertTrue(next.endsWith("/api/products?after=" + ids.get(1) + "&limit=2"), next);

        Http.Reply second = http.get(next.substring(next.indexOf("/api/")));
        assertEquals(200, second.status(), second::toString);
        assertEquals(ids.get(2), idsOf(second.jsonArray()).get(0));
    }

    @Test
    void afterTheLastIdTheListIsEmptyAndLinksNowhere() {
        Http.Reply reply = http.get("/api/products?after=999999999999999999");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(0, reply.jsonArray().size());
        assertTrue(reply.header("Link").isEmpty(), "a page that is not full is the last one");
    }

    @Test
    void aChangeShowsInTheNextListAtOnce() {
        List<Long> before = threeConsecutiveProducts();
        String page = "/api/products?after=" + before.get(2) + "&limit=1000";
        List<Long> listed = idsOf(http.get(page).jsonArray());

        List<Long> added = threeConsecutiveProducts();

        List<Long> relisted = idsOf(http.get(page).jsonArray());
        assertTrue(relisted.containsAll(added), "listed " + listed + ", then added " + added + ", then listed " + relisted);
    }

    @Test
    void aListCarriesItsTagAndWhileNothingChangesTheTagAloneIsAnswered() {
        Http.Reply first = http.get("/api/products?limit=2");
        assertEquals(200, first.status(), first::toString);
        assertEquals(Optional.of("no-cache"), first.header("Cache-Control"));
        String tag = first.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + first));

        // Another test's process may change a product in between; then the list is sent again, with a new tag.
        Http.Reply again = http.get("/api/products?limit=2", Map.of("If-None-Match", tag));
        for (int tries = 1; again.status() == 200 && tries < 5; tries++) {
            assertNotEquals(Optional.of(tag), again.header("ETag"), "sent again with the same tag");
            tag = again.header("ETag").orElseThrow();
            again = http.get("/api/products?limit=2", Map.of("If-None-Match", tag));
        }
        assertEquals(304, again.status(), again::toString);
        assertEquals("", again.body());
        assertEquals(Optional.of(tag), again.header("ETag"));

        threeConsecutiveProducts();

        Http.Reply changed = http.get("/api/products?limit=2", Map.of("If-None-Match", tag));
        assertEquals(200, changed.status(), "a change must give the list a new tag: " + changed);
        assertNotEquals(Optional.of(tag), changed.header("ETag"));
    }

    /**
     * A list that is not kept rendered reads the products' version and then the page: one database
     * connection at a time, so more such lists at once than the pool has connections (the test
     * servers have 6) all answer, none waiting for a connection another holds.
     */
    @Test
    void moreListsAtOnceThanThePoolHasConnectionsAllAnswer() throws Exception {
        int clients = 32;
        int each = 5;
        long first = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L); // pages nobody asked for yet
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> statuses = IntStream.range(0, clients).mapToObj(client -> pool.submit(() -> {
                start.await();
                return IntStream.range(0, each).mapToObj(i -> http.get(
                        "/api/products?limit=1&after=" + (first + client * each + i)).status()).toList();
            })).toList();
            start.countDown();
            for (Future<List<Integer>> client : statuses) {
                assertEquals(Collections.nCopies(each, 200), client.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @CsvSource({"limit=0, limit", "limit=1001, limit", "limit=abc, limit", "limit=, limit",
                "after=-1, after", "after=1.5, after", "after=1&limit=-5, limit"})
    void badPagingParametersAre400NamingTheParameter(String query, String field) {
        JsonObject problem = assertInvalidFields(http.get("/api/products?" + query), "validation", field);
        assertTrue(problem.getString("detail").contains(field), problem::toString);
    }

    private static List<Long> idsOf(JsonArray products) {
        return products.stream().map(p -> p.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    private static String nextLink(Http.Reply reply) {
        String link = reply.header("Link").orElseThrow(() -> new AssertionError("no Link header: " + reply));
        return NextLink.of(link).orElseThrow(() -> new AssertionError("no rel=\"next\" in " + link));
    }
}
