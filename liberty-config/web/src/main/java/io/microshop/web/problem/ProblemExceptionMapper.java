package io.microshop.web.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo request;

    @Override
    public Response toResponse(ProblemException exception) {
        return ProblemResponses.of(exception.problem(), request, exception.headers());
    }
}
