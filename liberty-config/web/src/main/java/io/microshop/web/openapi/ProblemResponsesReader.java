package io.microshop.web.openapi;

import io.microshop.web.problem.ProblemResponses;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds the problem-details schemas and the error responses every service shares to the OpenAPI
 * document, so that operations refer to them ({@code @APIResponse(ref = "NotFound")}) instead of
 * repeating them. Enabled by {@code mp.openapi.model.reader}.
 */
public class ProblemResponsesReader implements OASModelReader {

    /** The security scheme operations name in {@code @SecurityRequirement(name = BEARER)}. */
    public static final String BEARER = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .schemas(Map.of("Problem", problemSchema(), "FieldError", fieldErrorSchema()))
                .securitySchemes(Map.of(BEARER, OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the shop's identity provider (OpenID Connect), as"
                                + " `Authorization: Bearer <token>`.")))
                .responses(Map.of(
                        "Unauthorized", response("No bearer token, or one that is not valid here;"
                                        + " WWW-Authenticate says which.",
                                "{\"type\": \"urn:microshop:problem:unauthorized\", \"title\": \"Unauthorized\","
                                        + " \"status\": 401, \"detail\": \"This needs a bearer token from the identity"
                                        + " provider: sign in.\", \"instance\": \"/api/products\"}")
                                .headers(Map.of("WWW-Authenticate", challenge())),
                        "Forbidden", response("The token is valid but lacks the role this needs.",
                                "{\"type\": \"urn:microshop:problem:forbidden\", \"title\": \"Forbidden\","
                                        + " \"status\": 403, \"detail\": \"This needs the role catalog-admin,"
                                        + " which the token does not carry.\", \"instance\": \"/api/products\"}"),
                        "BadRequest", response("The request body is malformed or invalid.",
                                "{\"type\": \"urn:microshop:problem:validation\", \"title\": \"Invalid request\","
                                        + " \"status\": 400, \"detail\": \"Invalid field(s): title.\","
                                        + " \"instance\": \"/api/products\","
                                        + " \"errors\": [{\"field\": \"title\", \"message\": \"is required\"}]}"),
                        "NotFound", response("There is no such resource.",
                                "{\"type\": \"urn:microshop:problem:not-found\", \"title\": \"Not Found\","
                                        + " \"status\": 404, \"detail\": \"No product with id 42.\","
                                        + " \"instance\": \"/api/products/42\"}"),
                        "UnsupportedMediaType", response("The body was not sent as application/json.",
                                "{\"type\": \"urn:microshop:problem:http-415\", \"title\": \"Unsupported Media Type\","
                                        + " \"status\": 415, \"detail\": \"Send the request body as application/json.\"}"),
                        "ServiceUnavailable", response("A dependency is unavailable; retry after Retry-After seconds.",
                                "{\"type\": \"urn:microshop:problem:service-unavailable\","
                                        + " \"title\": \"Service Unavailable\", \"status\": 503,"
                                        + " \"detail\": \"The database cannot be reached right now; try again shortly.\"}")
                                .headers(Map.of("Retry-After", retryAfter())))));
    }

    private static APIResponse response(String description, String example) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(ProblemResponses.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                        .addExample("problem", OASFactory.createExample().value(example))));
    }

    private static Header challenge() {
        return OASFactory.createHeader().description("Bearer realm=\"microshop\", with error=\"invalid_token\""
                        + " when a token was sent (RFC 6750).")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before trying again.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, sent as application/problem+json.")
                .required(List.of("type", "title", "status"))
                .properties(Map.of(
                        "type", text("Identifies the kind of problem, e.g. urn:microshop:problem:not-found."),
                        "title", text("Short summary of the kind of problem."),
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                                .description("The HTTP status code."),
                        "detail", text("What went wrong in this occurrence."),
                        "instance", text("The request path this problem occurred at."),
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                .description("For validation problems: one entry per invalid field.")
                                .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request body.")
                .required(List.of("field", "message"))
                .properties(Map.of("field", text("The field's name, or 'body' for the body as a whole."),
                        "message", text("What is wrong with it.")));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
