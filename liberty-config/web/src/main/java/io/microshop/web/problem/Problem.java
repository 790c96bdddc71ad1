package io.microshop.web.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code errors} is only present for validation problems.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
