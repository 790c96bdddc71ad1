package io.microshop.web.version;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names the version that answered ({@code X-Service-Version}), so that a canary split or a
 * header route can be seen from the outside: by the admin dashboard, by curl, by a test.
 */
@Provider
@ApplicationScoped
public class ServiceVersionHeader implements ContainerResponseFilter {

    public static final String NAME = "X-Service-Version";

    @Inject
    @ConfigProperty(name = "service.version", defaultValue = "v1")
    String version;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(NAME, version);
    }
}
