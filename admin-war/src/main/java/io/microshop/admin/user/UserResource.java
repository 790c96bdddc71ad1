package io.microshop.admin.user;

import io.microshop.web.problem.ProblemException;
import io.microshop.web.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "users")
public class UserResource {

    static final ProblemType NO_USERS = new ProblemType("no-users", "No users", 503);

    @Inject
    UserDirectory users;

    @GET
    @Path("user")
    @Operation(summary = "A random existing user",
            description = "What main asks when a like names no user, as the original system did.")
    @APIResponse(responseCode = "200", description = "A user chosen at random.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "user", value = "{\"id\": 42}")))
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public UserView anyUser() {
        return users.anyone().map(UserView::new).orElseThrow(() -> new ProblemException(
                NO_USERS.problem("There are no users yet."), Map.of(HttpHeaders.RETRY_AFTER, "60")));
    }

    @GET
    @Path("users/{id}")
    @Operation(summary = "Check that a user exists")
    @APIResponse(responseCode = "200", description = "The user.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "user", value = "{\"id\": 42}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UserView user(@Parameter(description = "The user's id.", example = "42") @PathParam("id") long id) {
        if (!users.exists(id)) {
            throw ProblemException.notFound("user", id);
        }
        return new UserView(id);
    }
}
