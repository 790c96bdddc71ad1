package io.microshop.main.product;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** main's product API as a client sees it; MicroShed Testing builds the client. */
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public interface StorefrontApi {

    @GET
    List<ProductView> list(@QueryParam("after") long after);

    @GET
    @Path("{id}")
    ProductView get(@PathParam("id") long id);
}
