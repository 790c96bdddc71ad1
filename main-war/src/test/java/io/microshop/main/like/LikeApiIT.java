package io.microshop.main.like;

import static io.microshop.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microshop.main.Fixture;
import io.microshop.main.product.ProductView;
import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.testing.RefusedTokens;
import io.microshop.testing.RefusedTokens.Refusal;
import io.microshop.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

/** A like is the signed-in shopper's: the token's subject, mapped by admin to the shop's user. */
@MicroShedTest
public class LikeApiIT {

    private final Http anonymous = ServiceUnderTest.http();
    private final Http shopper = anonymous.as(Identity.shopper(1));
    private final Http anotherShopper = anonymous.as(Identity.shopper(2));

    @BeforeAll
    static void adminIsReachable() {
        Fixture.admin();
    }

    @Test
    void aLikeAnswersTheProductWithItsNewCountAndIsTheShoppers() {
        ProductView product = Fixture.newProduct();

        Http.Reply reply = like(shopper, product.id());

        assertEquals(200, reply.status(), reply::toString);
        JsonObject liked = reply.json();
        assertEquals(product.id(), liked.getJsonNumber("id").longValue());
        assertEquals(product.title(), liked.getString("title"));
        assertEquals(1, liked.getInt("likes"));
        assertEquals(1, Fixture.likesCounted(product.id()));
        assertEquals(1, Fixture.database().queryLong("SELECT COUNT(*) FROM product_likes WHERE product_id = ? AND user_id = ?",
                product.id(), Fixture.userOf(Identity.shopper(1))));
    }

    @Test
    void aLikeShowsInTheListAtOnce() {
        ProductView product = Fixture.newProduct();
        String page = "/api/products?after=" + (product.id() - 1) + "&limit=1";
        assertEquals(0, anonymous.get(page).jsonArray().getJsonObject(0).getInt("likes"));

        assertEquals(200, like(shopper, product.id()).status());

        assertEquals(1, anonymous.get(page).jsonArray().getJsonObject(0).getInt("likes"));
    }

    @Test
    void likesByTwoShoppersCountTwiceAndASecondByOneIsA409NotCounted() {
        ProductView product = Fixture.newProduct();
        assertEquals(200, like(shopper, product.id()).status());
        assertEquals(2, like(anotherShopper, product.id()).json().getInt("likes"));

        JsonObject problem = assertProblem(like(shopper, product.id()), 409, "already-liked");

        assertEquals("User " + Fixture.userOf(Identity.shopper(1)) + " already likes product " + product.id() + ".",
                problem.getString("detail"));
        assertEquals(2, Fixture.likesCounted(product.id()));
        assertEquals(2, Fixture.likeRows(product.id()));
    }

    @Test
    void aShopperCannotLikeAsSomeoneElseWhateverTheBodySays() {
        ProductView product = Fixture.newProduct();
        assertEquals(200, like(anotherShopper, product.id()).status());
        long someoneElse = Fixture.userOf(Identity.shopper(2));

        for (String body : new String[] {"{\"userId\": " + someoneElse + "}", "{\"userId\": 1}", "{\"sub\": \"x\"}", "{"}) {
            shopper.postJson("/api/products/" + product.id() + "/like", body);
        }

        assertEquals(2, Fixture.likeRows(product.id()));
        assertEquals(1, Fixture.database().queryLong("SELECT COUNT(*) FROM product_likes WHERE product_id = ? AND user_id = ?",
                product.id(), Fixture.userOf(Identity.shopper(1))));
        assertEquals(1, Fixture.database().queryLong("SELECT COUNT(*) FROM product_likes WHERE product_id = ? AND user_id = ?",
                product.id(), someoneElse));
    }

    @Test
    void aLikeOfAnUnknownProductIsA404Problem() {
        assertProblem(like(shopper, 987654321L), 404, "not-found");
        assertProblem(shopper.post("/api/products/mug/like", null, null), 404, "not-found");
        assertEquals(0, Fixture.likeRows(987654321L));
    }

    static Stream<Refusal> refusals() {
        return RefusedTokens.all("shopper", Identity::main).stream();
    }

    /** Anonymous likes are off here (likes.anonymous=false, the default). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aLikeIsRefusedWithoutAShoppersValidTokenAndNothingIsWritten(Refusal refusal) {
        ProductView product = Fixture.newProduct();

        refusal.assertAnswered(like(RefusedTokens.as(anonymous, refusal), product.id()));

        assertEquals(0, Fixture.likesCounted(product.id()));
        assertEquals(0, Fixture.likeRows(product.id()));
    }

    private static Http.Reply like(Http as, long productId) {
        return as.post("/api/products/" + productId + "/like", null, null);
    }
}
