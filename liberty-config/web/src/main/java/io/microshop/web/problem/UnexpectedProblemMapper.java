package io.microshop.web.problem;

import io.microshop.failure.Failures;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything no other mapper handles. A database that cannot be reached is a 503 the client may
 * retry; every other failure is a 500 whose body carries an id to find the logged stack trace,
 * never the stack trace itself.
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class.getName());
    static final String RETRY_AFTER_SECONDS = "5";

    @Context
    UriInfo request;

    @Override
    public Response toResponse(Throwable failure) {
        if (Failures.databaseUnreachable(failure)) {
            LOG.warning(() -> "Database unavailable: " + failure);
            Problem problem = ProblemType.SERVICE_UNAVAILABLE.problem(
                    "The database cannot be reached right now; try again shortly.");
            return ProblemResponses.of(problem, request, Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return ProblemResponses.of(ProblemType.INTERNAL.problem(
                "An unexpected error occurred; incident " + incident + " has been logged."), request);
    }
}
