package io.microshop.main.like;

import io.microshop.main.product.ProductView;
import io.microshop.web.openapi.ProblemResponsesReader;
import io.microshop.web.security.Roles;
import io.microshop.web.security.TokenProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/products/{id}/like")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "storefront")
public class LikeResource {

    @Inject
    LikeService likes;

    /** The original's anonymous like (admin picks a random seeded user): off unless LIKES_ANONYMOUS=true. */
    @Inject
    @ConfigProperty(name = "likes.anonymous", defaultValue = "false")
    boolean anonymousLikes;

    /** The shopper is the token's subject; a request body, whatever it says, is not read. */
    @POST
    @Operation(summary = "Like a product, as the signed-in shopper",
            description = "Records that the shopper whose bearer token this is (role shopper) likes the product, and"
                    + " returns it with its new like count. With likes.anonymous=true (LIKES_ANONYMOUS) a request"
                    + " without a token likes as a random seeded user, as the original system did.")
    @SecurityRequirement(name = ProblemResponsesReader.BEARER)
    @APIResponse(responseCode = "200", description = "Liked; the product with its new count.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class),
                    examples = @ExampleObject(name = "product", value = "{\"id\": 7, \"title\": \"Coffee mug\","
                            + " \"image\": \"https://images.example.com/mug.png\", \"likes\": 4}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "This shopper already likes this product.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "already liked", value = "{\"type\":"
                            + " \"urn:microshop:problem:already-liked\", \"title\": \"Already liked\", \"status\": 409,"
                            + " \"detail\": \"User 42 already likes product 7.\", \"instance\": \"/api/products/7/like\"}")))
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ProductView like(@Parameter(description = "The product's id.", example = "7") @PathParam("id") long id,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @Context SecurityContext security) {
        return likes.like(id, likerOf(security, authorization != null));
    }

    private Liker likerOf(SecurityContext security, boolean sentToken) {
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            if (anonymousLikes && !sentToken) {
                return Liker.anonymous();
            }
            throw TokenProblems.refusal(sentToken);
        }
        if (!security.isUserInRole(Roles.SHOPPER)) {
            throw TokenProblems.missingRole(Roles.SHOPPER);
        }
        return Liker.signedIn(principal.getName());
    }
}
