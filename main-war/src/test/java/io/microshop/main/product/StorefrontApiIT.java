package io.microshop.main.product;

import static io.microshop.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.main.Fixture;
import io.microshop.testing.Http;
import io.microshop.web.paging.PageRequest;
import io.microshop.testing.ServiceUnderTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class StorefrontApiIT {

    @RESTClient
    public static StorefrontApi storefront;

    private final Http http = ServiceUnderTest.http();

    @Test
    void listsEveryProductWithTheLikesMainCountedOrderedById() {
        ProductView liked = Fixture.newProduct();
        ProductView other = Fixture.newProduct();
        Fixture.changeProducts("UPDATE products SET likes = 3 WHERE id = ?", liked.id());

        // From the first of them: the products admin's events bring in other tests come before.
        List<ProductView> listed = storefront.list(liked.id() - 1);

        assertTrue(listed.contains(new ProductView(liked.id(), liked.title(), liked.image(), 3)), listed::toString);
        assertTrue(listed.contains(other), listed::toString);
        List<Long> ids = listed.stream().map(ProductView::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(Math.min(PageRequest.MAX_LIMIT,
                Fixture.database().queryLong("SELECT COUNT(*) FROM products WHERE id >= ?", liked.id())), listed.size());
        Http.Reply raw = http.get("/api/products");
        assertEquals(List.of("id", "title", "image", "likes"), List.copyOf(raw.jsonArray().getJsonObject(0).keySet()));
    }

    @Test
    void getAnswersTheProductWithItsLikes() {
        ProductView product = Fixture.newProduct();
        assertEquals(product, storefront.get(product.id()));
    }

    @Test
    void getOfAnUnknownOrNonNumericIdIsA404Problem() {
        assertEquals("No product with id 987654321.",
                assertProblem(http.get("/api/products/987654321"), 404, "not-found").getString("detail"));
        assertProblem(http.get("/api/products/mug"), 404, "not-found");
    }
}
