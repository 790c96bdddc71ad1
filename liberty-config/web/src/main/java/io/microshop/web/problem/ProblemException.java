package io.microshop.web.problem;

import java.util.Map;

/**
 * A failure that the client should see as a problem response. Domain exceptions extend it and
 * say which {@link ProblemType} they are; {@link ProblemExceptionMapper} turns them into responses.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, Object> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type.problem(detail), Map.of());
    }

    public ProblemException(Problem problem, Map<String, Object> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** 404 for a resource that does not exist, e.g. {@code notFound("product", 7)}. */
    public static ProblemException notFound(String kind, long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + kind + " with id " + id + ".");
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, Object> headers() {
        return headers;
    }
}
