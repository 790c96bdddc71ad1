package io.microshop.testing;

import static io.microshop.testing.ProblemAssertions.assertInvalidFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
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
