package io.microshop.main.like;

import static io.microshop.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.main.Fixture;
import io.microshop.main.product.ProductView;
import io.microshop.testing.FaultProxy;
import io.microshop.testing.Http;
import io.microshop.testing.ServiceUnderTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Admin down or hung while a shopper likes: main answers 503 within its configured bound
 * (ADMIN_TIMEOUT_MS=500 per attempt, one retry, in the test servers' server.env), says when
 * to retry, and records nothing.
 */
@MicroShedTest
public class AdminOutageIT {

    private static final Duration BOUND = Duration.ofMillis(2 * 500 + 500);

    private final Http http = ServiceUnderTest.http();
    private final FaultProxy admin = Fixture.admin();

    @AfterEach
    void adminIsBack() {
        admin.mode(FaultProxy.Mode.PASS);
        awaitLikesWork();
    }

    @ParameterizedTest
    @EnumSource(value = FaultProxy.Mode.class, names = {"REFUSE", "HANG"})
    void aLikeWhileAdminIsDownIsA503WithinTheTimeoutAndWritesNothing(FaultProxy.Mode outage) {
        ProductView product = Fixture.newProduct();
        admin.mode(outage);

        for (String body : new String[] {"{\"userId\": 5}", ""}) {
            Instant start = Instant.now();
            Http.Reply reply = http.postJson("/api/products/" + product.id() + "/like", body);
            Duration took = Duration.between(start, Instant.now());

            assertProblem(reply, 503, "admin-unavailable");
            assertTrue(Long.parseLong(reply.header("Retry-After").orElseThrow()) >= 1, reply::toString);
            assertTrue(took.compareTo(BOUND) < 0, () -> "took " + took);
        }
        assertEquals(0, Fixture.likesCounted(product.id()));
        assertEquals(0, Fixture.likeRows(product.id()));
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndLikesFailFast() {
        ProductView product = Fixture.newProduct();
        admin.mode(FaultProxy.Mode.HANG);

        Duration fastest = Duration.ofHours(1);
        for (int i = 0; i < 12; i++) {
            Instant start = Instant.now();
            assertProblem(http.postJson("/api/products/" + product.id() + "/like", "{\"userId\": 5}"), 503,
                    "admin-unavailable");
            Duration took = Duration.between(start, Instant.now());
            fastest = took.compareTo(fastest) < 0 ? took : fastest;
        }

        Duration open = fastest;
        assertTrue(open.toMillis() < 250, () -> "never failed fast; fastest " + open);
        assertEquals(0, Fixture.likeRows(product.id()));
    }

    /** Once admin is back, the circuit closes again after its delay. */
    private void awaitLikesWork() {
        ProductView probe = Fixture.newProduct();
        Instant deadline = Instant.now().plusSeconds(30);
        int user = 1;
        int successes = 0;
        while (successes < 3) {
            assertTrue(Instant.now().isBefore(deadline), "likes did not work again after admin came back");
            int status = http.postJson("/api/products/" + probe.id() + "/like", "{\"userId\": " + user++ + "}").status();
            successes = status == 200 ? successes + 1 : 0;
            if (status != 200) {
                ServiceUnderTest.sleep(Duration.ofMillis(200));
            }
        }
    }
}
