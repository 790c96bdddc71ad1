package io.microshop.web.paging;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Keyset paging of a list ordered by id ({@code ?after=<last id seen>&limit=<n>}), so that no
 * request, however large the table, makes a server hold more than one page in memory. The
 * parameters are read as text so that {@code limit=abc} is a 400 naming the parameter, not the
 * 404 JAX-RS gives for a query parameter it cannot convert.
 */
public class PageRequest {

    public static final int MAX_LIMIT = 1000;

    @QueryParam("after")
    @Parameter(description = "Only items whose id is greater than this one: the last id of the previous page.",
            example = "0")
    @Pattern(regexp = "\\d{1,18}", message = "must be a whole number, 0 or more")
    String after;

    @QueryParam("limit")
    @Parameter(description = "The most items to return, 1 to " + MAX_LIMIT + "; " + MAX_LIMIT + " when absent.",
            example = "100")
    @Pattern(regexp = "0*([1-9]\\d{0,2}|1000)", message = "must be a whole number from 1 to " + MAX_LIMIT)
    String limit;

    public long after() {
        return after == null ? 0 : Long.parseLong(after);
    }

    public int limit() {
        return limit == null ? MAX_LIMIT : Integer.parseInt(limit);
    }

    /** 200 with the page, and a {@code Link: <…>; rel="next"} header when the page is full. */
    public <T> Response respond(List<T> page, ToLongFunction<T> id, UriInfo request) {
        Response.ResponseBuilder response = Response.ok(page);
        if (page.size() == limit()) {
            long last = id.applyAsLong(page.get(page.size() - 1));
            response.link(request.getRequestUriBuilder()
                    .replaceQueryParam("after", last)
                    .replaceQueryParam("limit", limit())
                    .build(), "next");
        }
        return response.build();
    }
}
