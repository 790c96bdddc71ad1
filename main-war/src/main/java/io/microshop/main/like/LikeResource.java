package io.microshop.main.like;

import io.microshop.main.product.ProductView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/products/{id}/like")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "storefront")
public class LikeResource {

    private final Jsonb json = JsonbBuilder.create();

    @Inject
    LikeService likes;

    @Inject
    Validator validator;

    /**
     * The body is optional, so it is read here rather than by JAX-RS: no body, an empty body and
     * {@code {}} all mean "any user".
     */
    @POST
    @Operation(summary = "Like a product",
            description = "Records that a user likes the product and returns it with its new like count."
                    + " Without userId, admin picks a random user.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LikeRequest.class),
            examples = @ExampleObject(name = "as user 42", value = "{\"userId\": 42}")))
    @APIResponse(responseCode = "200", description = "Liked; the product with its new count.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class),
                    examples = @ExampleObject(name = "product", value = "{\"id\": 7, \"title\": \"Coffee mug\","
                            + " \"image\": \"https://images.example.com/mug.png\", \"likes\": 4}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "This user already likes this product.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "already liked", value = "{\"type\":"
                            + " \"urn:microshop:problem:already-liked\", \"title\": \"Already liked\", \"status\": 409,"
                            + " \"detail\": \"User 42 already likes product 7.\", \"instance\": \"/api/products/7/like\"}")))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ProductView like(@Parameter(description = "The product's id.", example = "7") @PathParam("id") long id,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                            String body) {
        return likes.like(id, userOf(contentType, body));
    }

    private Optional<Long> userOf(MediaType contentType, String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        if (contentType == null || !isJson(contentType)) {
            throw new NotSupportedException();
        }
        LikeRequest request = json.fromJson(body, LikeRequest.class);
        if (request == null) {
            return Optional.empty();
        }
        Set<ConstraintViolation<LikeRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return Optional.ofNullable(request.userId());
    }

    private static boolean isJson(MediaType type) {
        return type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || (type.getType().equals("application") && type.getSubtype().endsWith("+json"));
    }
}
