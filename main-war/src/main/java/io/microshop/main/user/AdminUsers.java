package io.microshop.main.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Admin's users, asked over HTTP. Every call is bounded: a timeout per attempt, a retry, and a
 * circuit breaker that stops asking an admin that keeps failing. The values here are defaults;
 * microprofile-config.properties ties them to admin.timeout-ms, admin.retries and
 * admin.circuit-delay-ms. "No such user" is an answer, not a failure: it is neither retried nor
 * counted against the circuit.
 */
@ApplicationScoped
@Timeout(1000)
@Retry(maxRetries = 1, delay = 50, jitter = 25, abortOn = UnknownUserException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = UnknownUserException.class)
public class AdminUsers {

    @Inject
    @RestClient
    AdminApi admin;

    /** A random existing user, as the original system picked one when a like named nobody. */
    public long anyone() {
        return admin.randomUser().id();
    }

    /** @throws UnknownUserException if admin has no such user */
    public long existing(long userId) {
        try {
            return admin.user(userId).id();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == Response.Status.NOT_FOUND.getStatusCode()) {
                throw new UnknownUserException(userId);
            }
            throw e;
        }
    }
}
