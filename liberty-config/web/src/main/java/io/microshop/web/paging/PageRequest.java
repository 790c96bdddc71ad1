package io.microshop.web.paging;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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

    /** The address of the page after this one, whose first item follows {@code lastId}. */
    URI next(UriInfo request, long lastId) {
        return request.getRequestUriBuilder()
                .replaceQueryParam("after", lastId)
                .replaceQueryParam("limit", limit())
                .build();
    }
}
