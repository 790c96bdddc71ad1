package io.microshop.main.like;

import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LikeRequest", description = "Optional. Without userId, admin picks a random user.")
public record LikeRequest(
        @Schema(description = "The user who likes the product.", example = "42")
        @Positive(message = "must be a positive user id")
        Long userId) {
}
