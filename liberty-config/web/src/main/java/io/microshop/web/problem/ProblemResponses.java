package io.microshop.web.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private ProblemResponses() {
    }

    public static Response of(Problem problem, UriInfo request) {
        return of(problem, request, Map.of());
    }

    public static Response of(Problem problem, UriInfo request, Map<String, ?> headers) {
        Problem located = request == null ? problem : problem.withInstance(request.getRequestUri().getRawPath());
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(located);
        headers.forEach(response::header);
        return response.build();
    }
}
