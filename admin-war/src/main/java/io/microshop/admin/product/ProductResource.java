package io.microshop.admin.product;

import io.microshop.web.openapi.ProblemResponsesReader;
import io.microshop.web.paging.PageRequest;
import io.microshop.web.paging.ProductPages;
import io.microshop.web.problem.ProblemException;
import io.microshop.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "products")
public class ProductResource {

    private static final String PRODUCT_EXAMPLE =
            "{\"id\": 7, \"title\": \"Coffee mug\", \"image\": \"https://images.example.com/mug.png\", \"likes\": 3}";
    private static final String INPUT_EXAMPLE =
            "{\"title\": \"Coffee mug\", \"image\": \"https://images.example.com/mug.png\"}";

    @Inject
    ProductCatalog catalog;

    @Inject
    ProductPages pages;

    @GET
    @Operation(summary = "List the products, ordered by id, a page of at most 1,000 at a time")
    @APIResponse(responseCode = "200", description = "The products after `after`, at most `limit` of them.",
            headers = {@Header(name = "Link", description = "<…?after=…&limit=…>; rel=\"next\" when the page is full",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The list's version: send it as If-None-Match to get a 304"
                            + " while no product changed", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProductView.class),
                    examples = @ExampleObject(name = "products", value = "[" + PRODUCT_EXAMPLE + "]")))
    @APIResponse(responseCode = "304", description = "Not modified: no product changed since the If-None-Match tag.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@Valid @BeanParam PageRequest page, @Context UriInfo uri, @Context Request conditions) {
        return pages.respond(page, uri, conditions, catalog::page, ProductView::id);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one product")
    @APIResponse(responseCode = "200", description = "The product.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class),
                    examples = @ExampleObject(name = "product", value = PRODUCT_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ProductView get(@Parameter(description = "The product's id.", example = "7") @PathParam("id") long id) {
        return catalog.find(id).orElseThrow(() -> ProblemException.notFound("product", id));
    }

    @POST
    @Operation(summary = "Create a product")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @SecurityRequirement(name = ProblemResponsesReader.BEARER)
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProductInput.class),
            examples = @ExampleObject(name = "product", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new product.",
            headers = @Header(name = "Location", description = "URL of the new product",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class),
                    examples = @ExampleObject(name = "product", value = PRODUCT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(@NotNull(message = "a JSON object with title and image is required") @Valid ProductInput input,
                           @Context UriInfo uri) {
        ProductView created = catalog.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a product's title and image")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @SecurityRequirement(name = ProblemResponsesReader.BEARER)
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProductInput.class),
            examples = @ExampleObject(name = "product", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The updated product.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class),
                    examples = @ExampleObject(name = "product", value = PRODUCT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public ProductView update(@Parameter(description = "The product's id.", example = "7") @PathParam("id") long id,
                              @NotNull(message = "a JSON object with title and image is required") @Valid
                              ProductInput input) {
        return catalog.update(id, input).orElseThrow(() -> ProblemException.notFound("product", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a product")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @SecurityRequirement(name = ProblemResponsesReader.BEARER)
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@Parameter(description = "The product's id.", example = "7") @PathParam("id") long id) {
        if (!catalog.delete(id)) {
            throw ProblemException.notFound("product", id);
        }
    }
}
