package io.microshop.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "microshop admin", version = "1.0",
                description = "The product catalogue: create, read, update and delete products, and look up"
                        + " the users who like them. Errors are application/problem+json (RFC 9457)."),
        tags = {
            @Tag(name = "products", description = "The product catalogue"),
            @Tag(name = "users", description = "The users who can like products")
        })
public class AdminApplication extends Application {
}
