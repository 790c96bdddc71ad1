package io.microshop.web.problem;

import jakarta.ws.rs.core.Response;

/**
 * The kinds of problem a microshop service reports. The {@code type} URI of a problem body is
 * {@code urn:microshop:problem:<slug>}; clients may switch on it.
 */
public record ProblemType(String slug, String title, int status) {

    public static final ProblemType VALIDATION = new ProblemType("validation", "Invalid request", 400);
    public static final ProblemType MALFORMED_BODY = new ProblemType("malformed-body", "Malformed request body", 400);
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", "Unauthorized", 401);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Forbidden", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Not Found", 404);
    public static final ProblemType SERVICE_UNAVAILABLE =
            new ProblemType("service-unavailable", "Service Unavailable", 503);
    public static final ProblemType INTERNAL = new ProblemType("internal", "Internal Server Error", 500);

    /** The generic type for a status code that has no more specific kind, e.g. 405 or 415. */
    public static ProblemType forStatus(int status) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return new ProblemType("http-" + status, title, status);
    }

    public String uri() {
        return "urn:microshop:problem:" + slug;
    }

    public Problem problem(String detail) {
        return new Problem(uri(), title, status, detail, null, null);
    }
}
