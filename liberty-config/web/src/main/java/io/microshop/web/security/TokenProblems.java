package io.microshop.web.security;

import io.microshop.web.problem.Problem;
import io.microshop.web.problem.ProblemResponses;
import io.microshop.web.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A request refused for want of a valid bearer token, answered as a problem. When a protected
 * method is called without a token, Liberty's MP JWT ends the request with an empty 401 and
 * {@code error="invalid_token"}; this gives it a problem body and the challenge RFC 6750 asks
 * for (section 3: no error code when the request carried no token).
 */
@Provider
public class UnauthorizedProblem implements ContainerResponseFilter {

    private static final ProblemType UNAUTHORIZED = ProblemType.UNAUTHORIZED;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != UNAUTHORIZED.status() || response.hasEntity()) {
            return;
        }
        boolean sentToken = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        response.setEntity(problem(sentToken).withInstance(request.getUriInfo().getRequestUri().getRawPath()),
                null, ProblemResponses.PROBLEM_JSON);
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, challenge(sentToken));
    }

    /** The refusal of a request that had no token, or one that is not valid here. */
    public static Problem problem(boolean sentToken) {
        return UNAUTHORIZED.problem(sentToken
                ? "The bearer token is not valid here: expired, from another issuer or for another audience,"
                        + " or not signed by the identity provider."
                : "This needs a bearer token from the identity provider: sign in.");
    }

    /** The {@code WWW-Authenticate} value that goes with {@link #problem}. */
    public static String challenge(boolean sentToken) {
        return sentToken ? "Bearer realm=\"" + Roles.REALM + "\", error=\"invalid_token\"" : "Bearer realm=\"" + Roles.REALM + "\"";
    }
}
