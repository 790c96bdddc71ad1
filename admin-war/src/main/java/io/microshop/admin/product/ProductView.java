package io.microshop.admin.product;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Product", description = "A product of the catalogue.")
@JsonbPropertyOrder({"id", "title", "image", "likes"})
public record ProductView(
        @Schema(description = "Assigned by the server.", example = "7") long id,
        @Schema(example = "Coffee mug") String title,
        @Schema(example = "https://images.example.com/mug.png") String image,
        @Schema(description = "How many users like it, as counted by main.", example = "3") int likes) {
}
