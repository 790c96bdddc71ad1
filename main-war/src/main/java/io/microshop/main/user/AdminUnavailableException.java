package io.microshop.main.user;

import io.microshop.web.problem.ProblemException;
import io.microshop.web.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;

/** Admin could not be asked in time: the like was not recorded and may be retried. */
public class AdminUnavailableException extends ProblemException {

    static final ProblemType ADMIN_UNAVAILABLE = new ProblemType("admin-unavailable", "Service Unavailable", 503);

    public AdminUnavailableException(String reason, long retryAfterSeconds) {
        super(ADMIN_UNAVAILABLE.problem("The user could not be checked with admin (" + reason
                + "); nothing was recorded, try again later."), Map.of(HttpHeaders.RETRY_AFTER, retryAfterSeconds));
    }
}
