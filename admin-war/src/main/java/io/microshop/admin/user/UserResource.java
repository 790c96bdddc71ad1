package io.microshop.admin.user;

import io.microshop.web.openapi.ProblemResponsesReader;
import io.microshop.web.problem.ProblemException;
import io.microshop.web.problem.ProblemType;
import io.microshop.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What main asks about users, as itself: only a token with the role user-directory may. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "users")
@RolesAllowed(Roles.USER_DIRECTORY)
@SecurityRequirement(name = ProblemResponsesReader.BEARER)
public class UserResource {

    private static final Logger LOG = Logger.getLogger(UserResource.class.getName());

    static final ProblemType NO_USERS = new ProblemType("no-users", "No users", 503);
    private static final String USER_EXAMPLE = "{\"id\": 42}";

    @Inject
    UserDirectory users;

    @GET
    @Path("user")
    @Operation(summary = "A random seeded user",
            description = "What main asks for an anonymous like, when it allows them, as the original system did.")
    @APIResponse(responseCode = "200", description = "A seeded user chosen at random.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "user", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public UserView anyUser() {
        return users.anyone().map(UserView::new).orElseThrow(() -> new ProblemException(
                NO_USERS.problem("There are no seeded users."), Map.of(HttpHeaders.RETRY_AFTER, "60")));
    }

    @PUT
    @Path("users/by-subject/{subject}")
    @Operation(summary = "The user of a signed-in person, created on first sight",
            description = "main asks this before a like: the person is the token's subject at the identity"
                    + " provider. The same subject always gets the same user.")
    @APIResponse(responseCode = "200", description = "The person's user.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "user", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public UserView userOf(
            @Parameter(description = "The identity provider's subject (sub) of the person.",
                    example = "5f1c9a52-8d0e-4d4b-a0f7-3c6c1e2b9d41")
            @PathParam("subject")
            @Size(max = 255, message = "must be at most 255 characters")
            @Pattern(regexp = "\\P{Cntrl}+", message = "must be printable text") String subject) {
        long user = users.forSubject(subject);
        LOG.fine(() -> "User " + user + " is subject " + subject);
        return new UserView(user);
    }
}
