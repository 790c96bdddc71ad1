package io.microshop.main.identity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The identity provider's OAuth 2.0 token endpoint; configured under the key {@code identity}. */
@RegisterRestClient(configKey = "identity")
public interface TokenEndpoint {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Grant token(Form request);

    record Grant(@JsonbProperty("access_token") String accessToken, @JsonbProperty("expires_in") long expiresIn) {
    }
}
