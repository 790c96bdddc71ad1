package io.microshop.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/** Checks that a reply is a proper RFC 9457 problem. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts status, content type, the problem's fields, and that nothing internal leaks. */
    public static JsonObject assertProblem(Http.Reply reply, int status, String typeSlug) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        assertTrue(reply.contentType().startsWith("application/problem+json"), () -> "content type of " + reply);
        JsonObject problem = reply.json();
        assertEquals("urn:microshop:problem:" + typeSlug, problem.getString("type"), () -> "type of " + reply);
        assertEquals(status, problem.getInt("status"), () -> "status field of " + reply);
        assertFalse(problem.getString("title").isBlank(), () -> "title of " + reply);
        assertFalse(problem.getString("detail").isBlank(), () -> "detail of " + reply);
        assertFalse(reply.body().contains("Exception"), () -> "leaks an exception: " + reply);
        assertFalse(reply.body().matches("(?s).*\\bat [a-z]+\\.[a-z].*\\(.*\\.java:\\d+\\).*"),
                () -> "leaks a stack trace: " + reply);
        return problem;
    }

    /** Asserts a 400 validation problem naming exactly these fields. */
    public static JsonObject assertInvalidFields(Http.Reply reply, String typeSlug, String... fields) {
        JsonObject problem = assertProblem(reply, 400, typeSlug);
        List<String> named = problem.getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().getString("field")).distinct().sorted().toList();
        assertEquals(List.of(fields).stream().sorted().toList(), named, () -> "invalid fields of " + reply);
        problem.getJsonArray("errors").forEach(error ->
                assertFalse(((JsonString) error.asJsonObject().get("message")).getString().isBlank()));
        return problem;
    }
}
