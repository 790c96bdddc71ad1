package io.microshop.main.user;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of admin's API that main calls, as itself (the {@code authorization} is main's own
 * token, never the shopper's); configured under the key {@code admin}. The headers named by
 * org.eclipse.microprofile.rest.client.propagateHeaders travel from the request main serves to
 * its call to admin, so that a mesh's routing and fault rules, and a trace, follow.
 */
@RegisterRestClient(configKey = "admin")
@RegisterClientHeaders
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface AdminApi {

    @GET
    @Path("/user")
    AdminUser randomUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/users/by-subject/{subject}")
    AdminUser userOf(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("subject") String subject);

    record AdminUser(long id) {
    }
}
