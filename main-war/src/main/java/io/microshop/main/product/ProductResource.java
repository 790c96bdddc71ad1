package io.microshop.main.product;

import io.microshop.web.paging.PageRequest;
import io.microshop.web.paging.ProductPages;
import io.microshop.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "storefront")
public class ProductResource {

    private static final String PRODUCT_EXAMPLE =
            "{\"id\": 7, \"title\": \"Coffee mug\", \"image\": \"https://images.example.com/mug.png\", \"likes\": 3}";

    @Inject
    Storefront storefront;

    @Inject
    ProductPages pages;

    @GET
    @Operation(summary = "List the products with their likes, ordered by id, a page of at most 1,000 at a time")
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
        return pages.respond(page, uri, conditions, storefront::page, ProductView::id);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one product with its likes")
    @APIResponse(responseCode = "200", description = "The product.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class),
                    examples = @ExampleObject(name = "product", value = PRODUCT_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ProductView get(@Parameter(description = "The product's id.", example = "7") @PathParam("id") long id) {
        return storefront.find(id).orElseThrow(() -> ProblemException.notFound("product", id));
    }
}
