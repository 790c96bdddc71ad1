package io.microshop.main.product;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Product", description = "A product of the storefront.")
@JsonbPropertyOrder({"id", "title", "image", "likes"})
public record ProductView(
        @Schema(description = "Admin's id of the product.", example = "7") long id,
        @Schema(example = "Coffee mug") String title,
        @Schema(example = "https://images.example.com/mug.png") String image,
        @Schema(description = "How many users like it.", example = "3") int likes) {

    public ProductView withOneMoreLike() {
        return new ProductView(id, title, image, likes + 1);
    }
}
