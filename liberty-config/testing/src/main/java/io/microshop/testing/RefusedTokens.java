package io.microshop.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;

/**
 * The requests a protected operation must refuse, all with real tokens of the tests' identity
 * provider (or none): each answered 401 with a challenge, or 403 for a valid token without the
 * role, and always as a problem.
 */
public final class RefusedTokens {

    /** One way of being refused: a token (null: none) and the answer it gets. */
    public record Refusal(String name, Supplier<String> token, int status) {

        @Override
        public String toString() {
            return name;
        }

        /** Asserts the answer: status, problem type and, for 401, the RFC 6750 challenge. */
        public void assertAnswered(Http.Reply reply) {
            String type = status == 401 ? "unauthorized" : "forbidden";
            ProblemAssertions.assertProblem(reply, status, type);
            if (status == 401) {
                assertEquals(token.get() == null ? "Bearer realm=\"microshop\"" : "Bearer realm=\"microshop\", error=\"invalid_token\"",
                        reply.header("WWW-Authenticate").orElse(null), reply::toString);
            }
        }
    }

    private RefusedTokens() {
    }

    /** Every refusal, the last with {@code validWithoutRole}: a real, valid token that lacks the role. */
    public static List<Refusal> all(String roleLacking, Supplier<String> validWithoutRole) {
        return List.of(
                new Refusal("no token", () -> null, 401),
                new Refusal("an expired token", Identity::expired, 401),
                new Refusal("a token of another issuer", Identity::otherIssuer, 401),
                new Refusal("a token for another audience", Identity::otherAudience, 401),
                new Refusal("a tampered signature", () -> Identity.tampered(Identity.admin()), 401),
                new Refusal("alg none", () -> Identity.unsigned(Identity.admin()), 401),
                new Refusal("a valid token without the role " + roleLacking, validWithoutRole, 403));
    }

    /** The server, sending this refusal's token (or none). */
    public static Http as(Http server, Refusal refusal) {
        String token = refusal.token().get();
        return token == null ? server : server.as(token);
    }
}
