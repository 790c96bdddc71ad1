package io.microshop.main.like;

import static io.microshop.testing.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.main.Fixture;
import io.microshop.main.product.ProductView;
import io.microshop.testing.FaultProxy;
import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Admin down or hung while a shopper likes: main answers 503 (its timeout and retry bound the
 * wait: ADMIN_TIMEOUT_MS per attempt, ADMIN_RETRIES, in the test servers' server.env), says when
 * to retry, and records nothing; after repeated failures its circuit opens and main stops asking
 * admin at all. How long each answer takes is the benchmark's business, not these tests'.
 */
@MicroShedTest
public class AdminOutageIT {

    private static final String CIRCUIT_OPEN = "not asking for a while";

    private final Http http = ServiceUnderTest.http();
    private final FaultProxy admin = Fixture.admin();

    @AfterEach
    void adminIsBack() {
        admin.mode(FaultProxy.Mode.PASS);
        // Once admin is back, the circuit closes after its delay and likes work again.
        List<String> shoppers = List.of(Identity.shopper(1), Identity.shopper(2), Identity.shopper(3));
        await("likes working again after admin came back").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    long product = Fixture.newProduct().id();
                    return shoppers.stream().allMatch(shopper -> like(shopper, product).status() == 200);
                });
    }

    @ParameterizedTest
    @EnumSource(value = FaultProxy.Mode.class, names = {"REFUSE", "HANG"})
    void aLikeWhileAdminIsDownIsA503ThatSaysWhenToRetryAndWritesNothing(FaultProxy.Mode outage) {
        ProductView product = Fixture.newProduct();
        admin.mode(outage);

        for (String shopper : new String[] {Identity.shopper(5), Identity.shopper(6)}) {
            Http.Reply reply = like(shopper, product.id());

            assertProblem(reply, 503, "admin-unavailable");
            assertTrue(Long.parseLong(reply.header("Retry-After").orElseThrow()) >= 1, reply::toString);
        }
        assertEquals(0, Fixture.likesCounted(product.id()));
        assertEquals(0, Fixture.likeRows(product.id()));
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndMainStopsCallingAdmin() {
        ProductView product = Fixture.newProduct();
        admin.mode(FaultProxy.Mode.HANG);

        await("the circuit to admin opening").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ZERO)
                .until(() -> detailOf(like(Identity.shopper(5), product.id())).contains(CIRCUIT_OPEN));
        long triedBefore = admin.connectionsAccepted();
        for (int i = 0; i < 5; i++) {
            Http.Reply reply = like(Identity.shopper(5), product.id());
            assertTrue(assertProblem(reply, 503, "admin-unavailable").getString("detail").contains(CIRCUIT_OPEN),
                    reply::toString);
        }

        assertEquals(triedBefore, admin.connectionsAccepted(), "main called admin while its circuit was open");
        assertEquals(0, Fixture.likeRows(product.id()));
    }

    private Http.Reply like(String shopper, long productId) {
        return http.as(shopper).post("/api/products/" + productId + "/like", null, null);
    }

    private static String detailOf(Http.Reply reply) {
        JsonObject problem = assertProblem(reply, 503, "admin-unavailable");
        return problem.getString("detail");
    }
}
