package io.microshop.main.identity;

import io.microshop.web.problem.ProblemException;
import io.microshop.web.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;

/** main could not get its own token, so it cannot ask admin: nothing was recorded. */
public class IdentityUnavailableException extends ProblemException {

    static final ProblemType IDENTITY_UNAVAILABLE = new ProblemType("identity-unavailable", "Service Unavailable", 503);

    public IdentityUnavailableException(String reason) {
        super(IDENTITY_UNAVAILABLE.problem("main could not prove its own identity to admin (" + reason
                + "); nothing was recorded, try again later."), Map.of(HttpHeaders.RETRY_AFTER, 5));
    }
}
