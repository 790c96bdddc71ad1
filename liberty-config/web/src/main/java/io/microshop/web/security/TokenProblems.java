package io.microshop.web.security;

import io.microshop.web.problem.Problem;
import io.microshop.web.problem.ProblemException;
import io.microshop.web.problem.ProblemResponses;
import io.microshop.web.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Requests refused for their bearer token, answered as problems: 401 without a valid one, 403 for
 * one without the role. When a protected method is called without a token, Liberty's MP JWT
 * ends the request with an empty 401 and {@code error="invalid_token"}; this filter gives it a
 * problem body and the challenge RFC 6750 asks for (section 3: no error code when the request
 * carried no token). Code that decides itself (main's like) throws the same refusals.
 */
@Provider
public class TokenProblems implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != ProblemType.UNAUTHORIZED.status() || response.hasEntity()) {
            return;
        }
        boolean sentToken = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        response.setEntity(problem(sentToken).withInstance(request.getUriInfo().getRequestUri().getRawPath()),
                null, ProblemResponses.PROBLEM_JSON);
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, challenge(sentToken));
    }

    /** The same refusal, for code that decides itself that a request needs a valid token. */
    public static ProblemException refusal(boolean sentToken) {
        return new ProblemException(problem(sentToken), Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge(sentToken)));
    }

    /** A valid token that lacks the roles: 403. */
    public static ProblemException missingRole(String roles) {
        return new ProblemException(ProblemType.FORBIDDEN, "This needs the role " + roles + ", which the token does not carry.");
    }

    private static Problem problem(boolean sentToken) {
        return ProblemType.UNAUTHORIZED.problem(sentToken
                ? "The bearer token is not valid here: expired, from another issuer or for another audience,"
                        + " or not signed by the identity provider."
                : "This needs a bearer token from the identity provider: sign in.");
    }

    private static String challenge(boolean sentToken) {
        String challenge = "Bearer realm=\"" + Roles.REALM + "\"";
        return sentToken ? challenge + ", error=\"invalid_token\"" : challenge;
    }
}
