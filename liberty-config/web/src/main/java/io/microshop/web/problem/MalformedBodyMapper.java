package io.microshop.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A JSON body that cannot be read is the client's mistake: 400, saying where it went wrong. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<JsonbException> {

    @Context
    UriInfo request;

    @Override
    public Response toResponse(JsonbException exception) {
        return ProblemResponses.of(MalformedBody.problemFor(exception).orElseThrow(), request);
    }
}
