package io.microshop.main.user;

import io.microshop.main.identity.IdentityUnavailableException;
import io.microshop.main.identity.ServiceToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Admin's users, asked over HTTP with main's own token. Every call is bounded: a timeout per
 * attempt, a retry, and a circuit breaker that stops asking an admin that keeps failing. The
 * values here are defaults; microprofile-config.properties ties them to admin.timeout-ms,
 * admin.retries and admin.circuit-delay-ms. A token admin refuses is forgotten, so that the retry
 * asks with a new one. Without a token of its own main cannot ask at all: that is not retried.
 */
@ApplicationScoped
@Timeout(1000)
@Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = IdentityUnavailableException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = IdentityUnavailableException.class)
public class AdminUsers {

    @Inject
    @RestClient
    AdminApi admin;

    @Inject
    ServiceToken token;

    /** A random seeded user, as the original system picked one for a like that named nobody. */
    public long anyone() {
        return asMain(authorization -> admin.randomUser(authorization).id());
    }

    /** The user of a signed-in person: admin creates it the first time it is asked. */
    public long userOf(String subject) {
        return asMain(authorization -> admin.userOf(authorization, subject).id());
    }

    private long asMain(Function<String, Long> call) {
        String authorization = token.authorization();
        try {
            return call.apply(authorization);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == Response.Status.UNAUTHORIZED.getStatusCode()) {
                token.forget(authorization);
            }
            throw e;
        }
    }
}
