package io.microshop.main;

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
@DeclareRoles(Roles.SHOPPER)
@OpenAPIDefinition(
        info = @Info(title = "microshop main", version = "1.0",
                description = "The storefront: products with the likes main counts, and liking a product as the"
                        + " signed-in shopper (a bearer token with the role shopper)."
                        + " Products arrive from admin's events. Errors are application/problem+json (RFC 9457)."),
        tags = @Tag(name = "storefront", description = "Products as shoppers see them"))
public class MainApplication extends Application {
}
