package io.microshop.web.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One invalid field of a request body; {@code field} is {@code body} for the body as a whole. */
@JsonbPropertyOrder({"field", "message"})
public record FieldError(String field, String message) {
}
