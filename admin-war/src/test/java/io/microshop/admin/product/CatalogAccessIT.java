package io.microshop.admin.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.testing.RefusedTokens;
import io.microshop.testing.RefusedTokens.Refusal;
import io.microshop.testing.ServiceUnderTest;
import io.microshop.testing.TestDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

/** Anyone reads the catalogue; only a valid token with the role catalog-admin changes it. */
@MicroShedTest
public class CatalogAccessIT {

    private static final String PRODUCT = "{\"title\": \"Refused\", \"image\": \"https://images.example.com/refused.png\"}";

    private final Http anonymous = ServiceUnderTest.http();
    private final Http administrator = anonymous.as(Identity.admin());
    private final TestDatabase database = TestDatabase.fromSystemProperties();

    static Stream<Refusal> refusals() {
        return RefusedTokens.all("catalog-admin", () -> Identity.shopper(1)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyWriteIsRefusedAndChangesNothing(Refusal refusal) {
        long id = administrator.postJson("/api/products", PRODUCT).json().getJsonNumber("id").longValue();
        List<Long> before = snapshot();
        Http caller = RefusedTokens.as(anonymous, refusal);

        refusal.assertAnswered(caller.postJson("/api/products", PRODUCT));
        refusal.assertAnswered(caller.putJson("/api/products/" + id, PRODUCT.replace("Refused", "Changed")));
        refusal.assertAnswered(caller.delete("/api/products/" + id));
        refusal.assertAnswered(caller.postJson("/api/products", "{not json"));

        assertEquals(before, snapshot(), "a refused request changed the database");
    }

    @Test
    void anAdministratorCreatesChangesAndDeletes() {
        Http.Reply created = administrator.postJson("/api/products", PRODUCT);
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(200, administrator.putJson("/api/products/" + id, PRODUCT.replace("Refused", "Kept")).status());
        assertEquals(204, administrator.delete("/api/products/" + id).status());
    }

    @Test
    void readsNeedNoTokenAndIgnoreABadOne() {
        long id = administrator.postJson("/api/products", PRODUCT).json().getJsonNumber("id").longValue();
        for (Http reader : List.of(anonymous, anonymous.as(Identity.tampered(Identity.admin())), anonymous.as(Identity.otherIssuer()))) {
            assertEquals(200, reader.get("/api/products?limit=1").status());
            assertEquals(200, reader.get("/api/products/" + id).status());
        }
    }

    /**
     * A digest of every product row (events are written in the same transaction as the change, so
     * an unchanged table means no event either).
     */
    private List<Long> snapshot() {
        return List.of(database.queryLong("SELECT COUNT(*) FROM products"),
                database.queryLong("SELECT COALESCE(BIT_XOR(CRC32(CONCAT_WS('|', id, title, image, likes, version))), 0)"
                        + " FROM products"));
    }
}
