package io.microshop.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a request body that JSON-B could not read, in terms of the JSON the
 * client sent, never the server's class names.
 */
final class MalformedBody {

    private static final Pattern POSITION = Pattern.compile("line no=(\\d+), column no=(\\d+), offset=(-?\\d+)");
    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([^']+)'");
    private static final Pattern RECEIVED = Pattern.compile("Received event: (\\w+)");

    private MalformedBody() {
    }

    /** The problem for a failure whose causes include a JSON parsing or binding error, if they do. */
    static Optional<Problem> problemFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParsingException || t instanceof JsonbException) {
                return Optional.of(describe(String.valueOf(t.getMessage())));
            }
        }
        return Optional.empty();
    }

    static Problem describe(String message) {
        ProblemType type = ProblemType.MALFORMED_BODY;
        Matcher position = POSITION.matcher(message);
        if (position.find()) {
            String detail = Integer.parseInt(position.group(3)) < 0
                    ? "The request body is empty; send a JSON object."
                    : "The request body is not valid JSON (line " + position.group(1) + ", column "
                            + position.group(2) + ").";
            return type.problem(detail);
        }
        Matcher property = PROPERTY.matcher(message);
        if (property.find()) {
            String field = property.group(1);
            FieldError error = new FieldError(field, "has a value of the wrong JSON type");
            return new Problem(type.uri(), type.title(), type.status(),
                    "Field " + field + " has a value of the wrong JSON type.", null, List.of(error));
        }
        Matcher received = RECEIVED.matcher(message);
        if (received.find() && !received.group(1).equals("START_OBJECT")) {
            return type.problem("The request body must be a JSON object.");
        }
        return type.problem("The request body does not have the expected JSON structure.");
    }
}
