package io.microshop.admin.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "User", description = "A user who can like products.")
public record UserView(@Schema(example = "42") long id) {
}
