package io.microshop.web.problem;

import io.microshop.web.security.TokenProblems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The errors JAX-RS itself raises (no such resource, method not allowed, unsupported media
 * type, unreadable body, ...) as problem responses, keeping headers such as {@code Allow}.
 */
@Provider
public class WebApplicationProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Map<String, Object> headers = new HashMap<>();
        for (String name : new String[] {HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER}) {
            String value = original.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return ProblemResponses.of(problemFor(status, exception, headers), uri, headers);
    }

    private Optional<String> requiredRoles() {
        Method method = resource == null ? null : resource.getResourceMethod();
        RolesAllowed roles = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (roles == null && resource != null && resource.getResourceClass() != null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return roles == null ? Optional.empty() : Optional.of(String.join(" or ", roles.value()));
    }

    private Problem problemFor(int status, WebApplicationException exception, Map<String, Object> headers) {
        String method = request == null ? "" : request.getMethod() + " ";
        String path = uri == null ? "" : uri.getRequestUri().getRawPath();
        return switch (status) {
            case 400 -> MalformedBody.problemFor(exception)
                    .orElseGet(() -> ProblemType.forStatus(400).problem("The request is not valid."));
            case 403 -> requiredRoles().map(roles -> TokenProblems.missingRole(roles).problem())
                    .orElseGet(() -> ProblemType.FORBIDDEN.problem("The token does not allow this."));
            case 404 -> ProblemType.NOT_FOUND.problem("There is no resource at " + path + ".");
            case 405 -> ProblemType.forStatus(405).problem(method.trim() + " is not allowed on " + path
                    + "; allowed: " + headers.getOrDefault(HttpHeaders.ALLOW, "none") + ".");
            case 406 -> ProblemType.forStatus(406).problem("This resource answers only application/json.");
            case 415 -> ProblemType.forStatus(415).problem("Send the request body as application/json.");
            default -> ProblemType.forStatus(status).problem(ProblemType.forStatus(status).title() + ".");
        };
    }
}
