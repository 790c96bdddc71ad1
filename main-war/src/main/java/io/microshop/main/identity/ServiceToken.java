package io.microshop.main.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Form;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * main's own identity: an access token of the client {@code identity.client-id}, obtained with
 * the client credentials grant and kept until shortly before it expires. Every call to admin
 * carries it, so admin knows that main asks, whoever the shopper is.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    @Inject
    @RestClient
    TokenEndpoint endpoint;

    @Inject
    @ConfigProperty(name = "identity.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "identity.client-secret", defaultValue = "")
    String clientSecret;

    private volatile Held held;

    /** {@code Bearer <token>}, for an Authorization header. */
    public String authorization() {
        Held current = held;
        if (current == null || current.expiresBefore(Instant.now().plus(RENEW_BEFORE_EXPIRY))) {
            current = renew(current);
        }
        return "Bearer " + current.token();
    }

    /** Forgets the token, after admin refused it (the provider's keys rotated, or it was revoked). */
    public void forget(String authorization) {
        Held current = held;
        if (current != null && authorization.equals("Bearer " + current.token())) {
            held = null;
        }
    }

    private synchronized Held renew(Held seen) {
        if (held != seen && held != null) {
            return held;
        }
        if (clientSecret.isBlank()) {
            throw new IdentityUnavailableException("main has no client secret (set IDENTITY_CLIENT_SECRET)");
        }
        Form request = new Form().param("grant_type", "client_credentials")
                .param("client_id", clientId).param("client_secret", clientSecret);
        try {
            TokenEndpoint.Grant grant = endpoint.token(request);
            held = new Held(grant.accessToken(), Instant.now().plusSeconds(grant.expiresIn()));
            return held;
        } catch (WebApplicationException e) {
            throw new IdentityUnavailableException("the identity provider refused main's client credentials ("
                    + e.getResponse().getStatus() + ")");
        } catch (ProcessingException e) {
            throw new IdentityUnavailableException("the identity provider cannot be reached");
        }
    }

    private record Held(String token, Instant expiry) {
        boolean expiresBefore(Instant instant) {
            return expiry.isBefore(instant);
        }
    }
}
