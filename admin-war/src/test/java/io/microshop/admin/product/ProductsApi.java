package io.microshop.admin.product;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** admin's product API as a client sees it; MicroShed Testing builds the client. */
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProductsApi {

    @GET
    List<ProductView> list();

    @GET
    @Path("{id}")
    ProductView get(@PathParam("id") long id);

    /** As {@code create("Bearer " + Identity.admin(), input)}: writes need the role catalog-admin. */
    @POST
    ProductView create(@HeaderParam("Authorization") String authorization, ProductInput input);
}
