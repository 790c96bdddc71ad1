package io.microshop.main.like;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.main.Fixture;
import io.microshop.testing.FaultProxy;
import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.testing.ServiceUnderTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The headers a mesh routes and traces by travel with main's call to admin, as Bookinfo's
 * productpage forwards them: the shopper header (end-user), Envoy's request id, the W3C trace
 * context and B3. Seen where admin receives them: the proxy in front of admin's test server. With
 * telemetry on, the W3C context is that of main's own client span, in the caller's trace.
 */
public class HeaderPropagationIT {

    private static final Map<String, String> MESH_HEADERS = Map.of(
            "end-user", "jason",
            "x-request-id", "9f1c7a52-1d2e-4b8f-a3c4-5d6e7f809a1b",
            "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "tracestate", "shop=likes",
            "baggage", "shopper=jason",
            "x-b3-traceid", "4bf92f3577b34da6a3ce929d0e0e4736",
            "x-b3-spanid", "00f067aa0ba902b7",
            "x-b3-sampled", "1");

    private final Http main = ServiceUnderTest.http();

    @Test
    void theRoutingAndTraceHeadersOfALikeArriveAtAdminWithMainsOwnTokenNotTheShoppers() {
        FaultProxy admin = Fixture.admin();
        admin.mode(FaultProxy.Mode.PASS);
        String shopper = Identity.shopper(3);
        long product = Fixture.newProduct().id();
        admin.record();

        Http.Reply like = main.as(shopper).postJson("/api/products/" + product + "/like", "", MESH_HEADERS);

        assertEquals(200, like.status(), like::toString);
        String recorded = admin.recorded();
        String sent = recorded.toLowerCase(Locale.ROOT);
        assertTrue(sent.contains("put /api/users/by-subject/" + Identity.subject(shopper) + " "), sent);
        assertFalse(recorded.contains(shopper), "the shopper's token reached admin: " + recorded);
        assertTrue(recorded.matches("(?s).*\\n[Aa]uthorization: Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+\\r?\\n.*"),
                () -> "main's own token did not reach admin: " + recorded);
        MESH_HEADERS.forEach((name, value) -> {
            if (!name.equals("traceparent")) {
                assertTrue(sent.contains(name + ": " + value.toLowerCase(Locale.ROOT)), () -> name + " did not reach admin: " + sent);
            }
        });
        // Telemetry is on in the test servers: the call is main's own span, in the caller's trace.
        List<String> traceparents = sent.lines().filter(line -> line.startsWith("traceparent:")).toList();
        assertEquals(1, traceparents.size(), sent);
        assertTrue(traceparents.get(0).matches("traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01"),
                traceparents::toString);
    }
}
