package io.microshop.admin;

import io.microshop.web.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CATALOG_ADMIN, Roles.USER_DIRECTORY})
@OpenAPIDefinition(
        info = @Info(title = "microshop admin", version = "1.0",
                description = "The product catalogue: anyone reads it; creating, changing and deleting products"
                        + " needs a bearer token with the role catalog-admin. main maps signed-in shoppers to the"
                        + " shop's users here (role user-directory). Errors are application/problem+json (RFC 9457)."),
        tags = {
            @Tag(name = "products", description = "The product catalogue"),
            @Tag(name = "users", description = "The users who can like products")
        })
public class AdminApplication extends Application {
}
