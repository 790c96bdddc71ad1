package io.microshop.admin.product;

import io.microshop.event.ProductFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a client may set on a product. Anything else it sends ({@code id}, {@code likes}) is
 * ignored: those belong to the server.
 */
@Schema(name = "ProductInput", description = "The fields a client sets when creating or replacing a product.")
public record ProductInput(
        @Schema(required = true, maxLength = ProductFields.TITLE_MAX, description = "Trimmed; 1 to " + ProductFields.TITLE_MAX + " characters.",
                example = "Coffee mug")
        @NotBlank(message = "is required")
        @Size(max = ProductFields.TITLE_MAX, message = "must be at most {max} characters")
        String title,

        @Schema(required = true, maxLength = ProductFields.IMAGE_MAX, description = "An absolute http or https URL.",
                example = "https://images.example.com/mug.png")
        @NotBlank(message = "is required")
        @Size(max = ProductFields.IMAGE_MAX, message = "must be at most {max} characters")
        @WebUrl
        String image) {

    public ProductInput {
        title = title == null ? null : title.strip();
        image = image == null ? null : image.strip();
    }
}
