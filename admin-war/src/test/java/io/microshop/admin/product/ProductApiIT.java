package io.microshop.admin.product;

import static io.microshop.testing.ProblemAssertions.assertInvalidFields;
import static io.microshop.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.event.ProductFields;
import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.web.paging.PageRequest;
import io.microshop.testing.ServiceUnderTest;
import io.microshop.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class ProductApiIT {

    private static final String IMAGE = "https://images.example.com/mug.png";

    private static final String ADMIN = "Bearer " + Identity.admin();

    @RESTClient
    public static ProductsApi products;

    private final Http http = ServiceUnderTest.http().as(Identity.admin());
    private final TestDatabase database = TestDatabase.fromSystemProperties();

    @Test
    void listsEveryProductOrderedById() {
        ProductView first = products.create(ADMIN, new ProductInput(unique("First"), IMAGE));
        ProductView second = products.create(ADMIN, new ProductInput(unique("Second"), IMAGE));

        List<ProductView> listed = products.list();

        assertTrue(listed.containsAll(List.of(first, second)), () -> "missing from " + listed);
        List<Long> ids = listed.stream().map(ProductView::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(Math.min(PageRequest.MAX_LIMIT, database.queryLong("SELECT COUNT(*) FROM products")),
                listed.size());
    }

    @Test
    void createAnswers201WithLocationAndTheProduct() {
        String title = unique("Coffee mug");
        Http.Reply reply = http.postJson("/api/products", json(title, IMAGE));

        assertEquals(201, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"));
        JsonObject created = reply.json();
        long id = created.getJsonNumber("id").longValue();
        assertEquals(List.of("id", "title", "image", "likes"), List.copyOf(created.keySet()));
        assertEquals(title, created.getString("title"));
        assertEquals(IMAGE, created.getString("image"));
        assertEquals(0, created.getInt("likes"));
        String location = reply.header("Location").orElseThrow();
        assertTrue(location.endsWith("/api/products/" + id), location);
        assertEquals(products.get(id), new ProductView(id, title, IMAGE, 0));
    }

    @Test
    void createTrimsTheTitleAndIgnoresFieldsTheServerOwns() {
        String title = unique("Trimmed");
        Http.Reply reply = http.postJson("/api/products",
                "{\"id\": 999999, \"likes\": 42, \"title\": \"  " + title + "\\t \", \"image\": \" " + IMAGE + " \"}");

        assertEquals(201, reply.status(), reply::toString);
        JsonObject created = reply.json();
        assertNotEquals(999999, created.getJsonNumber("id").longValue());
        assertEquals(0, created.getInt("likes"));
        assertEquals(title, created.getString("title"));
        assertEquals(IMAGE, created.getString("image"));
    }

    @Test
    void createAcceptsTheLongestTitleAndImage() {
        String title = "t".repeat(ProductFields.TITLE_MAX);
        String image = "https://images.example.com/" + "i".repeat(ProductFields.IMAGE_MAX - 27);
        Http.Reply reply = http.postJson("/api/products", json(title, image));

        assertEquals(201, reply.status(), reply::toString);
        assertEquals(title, reply.json().getString("title"));
        assertEquals(image, reply.json().getString("image"));
    }

    static Stream<Arguments> invalidProducts() {
        return Stream.of(
                Arguments.of("{\"image\": \"" + IMAGE + "\"}", List.of("title")),
                Arguments.of(json("   ", IMAGE), List.of("title")),
                Arguments.of(json("t".repeat(ProductFields.TITLE_MAX + 1), IMAGE), List.of("title")),
                Arguments.of("{\"title\": \"Mug\"}", List.of("image")),
                Arguments.of(json("Mug", "not a url"), List.of("image")),
                Arguments.of(json("Mug", "ftp://images.example.com/mug.png"), List.of("image")),
                Arguments.of(json("Mug", "/images/mug.png"), List.of("image")),
                Arguments.of(json("Mug", "https://images.example.com/" + "i".repeat(ProductFields.IMAGE_MAX)), List.of("image")),
                Arguments.of("{}", List.of("image", "title")),
                Arguments.of("null", List.of("body")));
    }

    @ParameterizedTest
    @MethodSource("invalidProducts")
    void createRejectsInvalidFieldsAndWritesNothing(String body, List<String> fields) {
        long before = database.queryLong("SELECT COUNT(*) FROM products");

        Http.Reply reply = http.postJson("/api/products", body);

        assertInvalidFields(reply, "validation", fields.toArray(String[]::new));
        assertEquals(before, database.queryLong("SELECT COUNT(*) FROM products"));
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void createRejectsMalformedJson(String body) {
        assertProblem(http.postJson("/api/products", body), 400, "malformed-body");
    }

    static Stream<String> malformedBodies() {
        return Stream.of("{\"title\": ", "", "[1, 2]", "\"Mug\"", "{\"title\": {\"x\": 1}, \"image\": \"" + IMAGE + "\"}");
    }

    @Test
    void createRejectsBodiesThatAreNotJson() {
        assertProblem(http.post("/api/products", "text/plain", "title=Mug"), 415, "http-415");
    }

    @Test
    void getAnswersTheProduct() {
        ProductView created = products.create(ADMIN, new ProductInput(unique("Get"), IMAGE));

        Http.Reply reply = http.get("/api/products/" + created.id());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(created.title(), reply.json().getString("title"));
    }

    @Test
    void getOfAnUnknownOrNonNumericIdIsA404Problem() {
        JsonObject problem = assertProblem(http.get("/api/products/987654321"), 404, "not-found");
        assertEquals("No product with id 987654321.", problem.getString("detail"));
        assertEquals("/api/products/987654321", problem.getString("instance"));
        assertProblem(http.get("/api/products/mug"), 404, "not-found");
        assertProblem(http.get("/api/products/99999999999999999999999"), 404, "not-found");
    }

    @Test
    void updateReplacesTitleAndImageButKeepsTheLikes() {
        ProductView created = products.create(ADMIN, new ProductInput(unique("Before"), IMAGE));
        database.update("UPDATE products SET likes = 7 WHERE id = ?", created.id());
        String title = unique("After");

        Http.Reply reply = http.putJson("/api/products/" + created.id(),
                "{\"title\": \"" + title + "\", \"image\": \"http://images.example.com/new.png\", \"likes\": 0}");

        assertEquals(200, reply.status(), reply::toString);
        ProductView expected = new ProductView(created.id(), title, "http://images.example.com/new.png", 7);
        assertEquals(expected, products.get(created.id()));
        assertEquals(title, reply.json().getString("title"));
        assertEquals(7, reply.json().getInt("likes"));
    }

    @Test
    void updateRejectsInvalidInputUnknownIdsAndNonJson() {
        ProductView created = products.create(ADMIN, new ProductInput(unique("Kept"), IMAGE));

        assertInvalidFields(http.putJson("/api/products/" + created.id(), json("", "nope")), "validation",
                "image", "title");
        assertProblem(http.putJson("/api/products/" + created.id(), "{"), 400, "malformed-body");
        assertProblem(http.putJson("/api/products/987654321", json("Mug", IMAGE)), 404, "not-found");
        assertProblem(http.put("/api/products/" + created.id(), "text/plain", "Mug"), 415, "http-415");
        assertEquals(created, products.get(created.id()));
    }

    @Test
    void deleteAnswers204AndTheProductIsGone() {
        ProductView created = products.create(ADMIN, new ProductInput(unique("Doomed"), IMAGE));

        Http.Reply reply = http.delete("/api/products/" + created.id());

        assertEquals(204, reply.status(), reply::toString);
        assertEquals("", reply.body());
        assertProblem(http.get("/api/products/" + created.id()), 404, "not-found");
        assertEquals(0, database.queryLong("SELECT COUNT(*) FROM products WHERE id = ?", created.id()));
    }

    @Test
    void deleteOfAnUnknownIdIsA404Problem() {
        assertProblem(http.delete("/api/products/987654321"), 404, "not-found");
    }

    static String json(String title, String image) {
        return "{\"title\": \"" + title + "\", \"image\": \"" + image + "\"}";
    }

    static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
