package io.microshop.testing;

import static io.microshop.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every microshop service promises beyond its own API: health endpoints for Kubernetes,
 * an OpenAPI document with its UI, and problem responses for requests no resource handles.
 * Each service's integration tests extend this with its own endpoints.
 */
public abstract class ServiceContract {

    protected final Http http = ServiceUnderTest.http();

    /** Every operation the service documents, as "METHOD /path". */
    protected abstract Set<String> documentedOperations();

    /** A path that accepts GET but not PATCH. */
    protected abstract String readOnlyPath();

    /** The service's name: its changelog is {@code db/<name>/changelog.xml} of the consumer jar. */
    protected abstract String service();

    @Test
    void startedLiveAndReadyAreUpWithTheirChecks() {
        assertCheck("/health/started", "application");
        assertCheck("/health/live", "threads");
        assertCheck("/health/ready", "database");
        assertCheck("/health/ready", "schema");
    }

    @Test
    void readinessWaitsForTheNewestChangeSetOfTheServicesChangelog() throws Exception {
        JsonObject schema = http.get("/health/ready").json().getJsonArray("checks").stream()
                .map(c -> c.asJsonObject()).filter(c -> c.getString("name").equals("schema")).findFirst().orElseThrow();
        assertEquals(Changelog.newestChangeSet(service()), schema.getJsonObject("data").getString("requires"));
    }

    @Test
    void everyAnswerNamesTheVersionThatGaveIt() {
        assertEquals("v1", http.get(readOnlyPath()).header("X-Service-Version").orElse(null));
        assertEquals("v1", http.get("/api/no-such-thing").header("X-Service-Version").orElse(null));
    }

    private void assertCheck(String path, String check) {
        Http.Reply reply = http.get(path);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"));
        List<String> checks = health.getJsonArray("checks").stream()
                .map(c -> c.asJsonObject().getString("name")).toList();
        assertTrue(checks.contains(check), () -> path + " lacks the " + check + " check: " + reply);
    }

    @Test
    void openApiDocumentsEveryOperationWithItsErrors() {
        Http.Reply reply = http.get("/openapi?format=JSON");
        assertEquals(200, reply.status(), reply::toString);
        JsonObject paths = reply.json().getJsonObject("paths");
        Set<String> operations = paths.keySet().stream()
                .flatMap(path -> paths.getJsonObject(path).keySet().stream()
                        .filter(method -> !method.equals("parameters"))
                        .map(method -> method.toUpperCase() + " " + path))
                .collect(Collectors.toSet());
        assertEquals(documentedOperations(), operations);
        JsonObject components = reply.json().getJsonObject("components");
        assertTrue(components.getJsonObject("schemas").containsKey("Problem"));
        assertTrue(components.getJsonObject("responses").containsKey("NotFound"));
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            JsonObject responses = operation.asJsonObject().getJsonObject("responses");
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")),
                    () -> method + " " + path + " documents no success response");
        }));
    }

    @Test
    void swaggerUiIsServed() {
        Http.Reply reply = http.get("/openapi/ui/");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/html"));
    }

    @Test
    void unknownPathIsAProblem404() {
        Http.Reply reply = http.get("/api/no-such-thing");
        JsonObject problem = assertProblem(reply, 404, "not-found");
        assertEquals("/api/no-such-thing", problem.getString("instance"));
    }

    @Test
    void unsupportedMethodIsAProblem405ThatSaysWhatIsAllowed() {
        Http.Reply reply = http.method("PATCH", readOnlyPath());
        assertProblem(reply, 405, "http-405");
        assertTrue(reply.header("Allow").orElse("").contains("GET"), reply::toString);
    }
}
