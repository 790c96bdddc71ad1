package io.microshop.main.like;

import static io.microshop.testing.ProblemAssertions.assertInvalidFields;
import static io.microshop.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.main.Fixture;
import io.microshop.main.product.ProductView;
import io.microshop.testing.Http;
import io.microshop.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class LikeApiIT {

    private final Http http = ServiceUnderTest.http();

    @BeforeAll
    static void adminIsReachable() {
        Fixture.admin();
    }

    private final long shopper = Fixture.users(2).get(0);
    private final long anotherShopper = Fixture.users(2).get(1);
    /** An id admin has no user for. */
    private final long stranger = Fixture.users().get(Fixture.users().size() - 1) + 1000;

    @Test
    void aLikeByAUserAnswersTheProductWithItsNewCount() {
        ProductView product = Fixture.newProduct();

        Http.Reply reply = like(product.id(), "{\"userId\": " + shopper + "}");

        assertEquals(200, reply.status(), reply::toString);
        JsonObject liked = reply.json();
        assertEquals(product.id(), liked.getJsonNumber("id").longValue());
        assertEquals(product.title(), liked.getString("title"));
        assertEquals(1, liked.getInt("likes"));
        assertEquals(1, Fixture.likesCounted(product.id()));
        assertEquals(1, Fixture.database().queryLong(
                "SELECT COUNT(*) FROM product_likes WHERE product_id = ? AND user_id = ?", product.id(), shopper));
        assertEquals(2, like(product.id(), "{\"userId\": " + anotherShopper + "}").json().getInt("likes"));
    }

    @Test
    void withoutAUserAdminPicksAnExistingOne() {
        ProductView product = Fixture.newProduct();

        Http.Reply reply = http.post("/api/products/" + product.id() + "/like", null, null);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, reply.json().getInt("likes"));
        long user = Fixture.database().queryLong("SELECT user_id FROM product_likes WHERE product_id = ?", product.id());
        assertTrue(Fixture.users().contains(user), () -> "user " + user + " is not one of admin's");
    }

    @Test
    void anEmptyBodyOrObjectAlsoMeansAnyUser() {
        // A product each: admin picks a random user, who may be the same one twice.
        assertEquals(200, like(Fixture.newProduct().id(), "").status());
        assertEquals(200, like(Fixture.newProduct().id(), "{}").status());
        assertEquals(200, like(Fixture.newProduct().id(), "{\"userId\": null}").status());
    }

    @Test
    void aSecondLikeByTheSameUserIsA409AndNotCounted() {
        ProductView product = Fixture.newProduct();
        assertEquals(200, like(product.id(), "{\"userId\": " + shopper + "}").status());

        JsonObject problem = assertProblem(like(product.id(), "{\"userId\": " + shopper + "}"), 409, "already-liked");

        assertEquals("User " + shopper + " already likes product " + product.id() + ".", problem.getString("detail"));
        assertEquals(1, Fixture.likesCounted(product.id()));
        assertEquals(1, Fixture.likeRows(product.id()));
    }

    @Test
    void aLikeOfAnUnknownProductIsA404Problem() {
        assertProblem(like(987654321L, "{\"userId\": " + shopper + "}"), 404, "not-found");
        assertProblem(http.post("/api/products/mug/like", null, null), 404, "not-found");
        assertEquals(0, Fixture.likeRows(987654321L));
    }

    @Test
    void aUserAdminDoesNotKnowIsA400ProblemAndNothingIsWritten() {
        ProductView product = Fixture.newProduct();

        JsonObject problem = assertInvalidFields(like(product.id(), "{\"userId\": " + stranger + "}"), "validation",
                "userId");

        assertEquals("There is no user with id " + stranger + ".", problem.getString("detail"));
        assertEquals(0, Fixture.likesCounted(product.id()));
        assertEquals(0, Fixture.likeRows(product.id()));
    }

    static Stream<String> invalidUserIds() {
        return Stream.of("{\"userId\": 0}", "{\"userId\": -5}");
    }

    @ParameterizedTest
    @MethodSource("invalidUserIds")
    void aUserIdMustBePositive(String body) {
        ProductView product = Fixture.newProduct();
        assertInvalidFields(like(product.id(), body), "validation", "userId");
        assertEquals(0, Fixture.likeRows(product.id()));
    }

    static Stream<String> malformedBodies() {
        return Stream.of("{\"userId\": ", "{\"userId\": \"seven\"}", "{\"userId\": {}}", "[7]");
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void aMalformedBodyIsA400Problem(String body) {
        ProductView product = Fixture.newProduct();
        assertProblem(like(product.id(), body), 400, "malformed-body");
        assertEquals(0, Fixture.likeRows(product.id()));
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        ProductView product = Fixture.newProduct();
        assertProblem(http.post("/api/products/" + product.id() + "/like", "text/plain", "userId=7"), 415, "http-415");
        assertEquals(0, Fixture.likeRows(product.id()));
    }

    private Http.Reply like(long productId, String json) {
        return http.postJson("/api/products/" + productId + "/like", json);
    }
}
