package io.microshop.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation failures of a request become a 400 problem listing each invalid field. */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo request;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return ProblemResponses.of(problemFor(exception.getConstraintViolations()), request);
    }

    static Problem problemFor(Set<ConstraintViolation<?>> violations) {
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        ProblemType type = ProblemType.VALIDATION;
        return new Problem(type.uri(), type.title(), type.status(), "Invalid field(s): " + fields + ".", null, errors);
    }

    /**
     * The client-facing name of what was invalid: the property for a field of the body, and
     * {@code body} when the body as a whole was missing or invalid.
     */
    static String fieldName(Path path) {
        Path.Node last = null;
        for (Path.Node node : path) {
            last = node;
        }
        if (last == null || last.getKind() != ElementKind.PROPERTY) {
            return "body";
        }
        return last.getName();
    }
}
